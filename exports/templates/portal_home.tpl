% rebase("portal_base.tpl", lang=lang, title=_("portal.language_choice"), links=links, _=_, alternates=alternates, switch=switch, head=head)
<h1>{{_("portal.site_title")}}</h1>
<p>{{_("portal.home_intro")}}</p>
<h2>{{_("portal.language_choice")}}</h2>
<ul>
<li><a href="{{links.index('nb')}}" lang="nb" hreflang="nb">Kunnskapsoppsummeringer på norsk (bokmål)</a></li>
<li><a href="{{links.index('nn')}}" lang="nn" hreflang="nn">Kunnskapsoppsummeringar på norsk (nynorsk)</a></li>
<li><a href="{{links.index('en')}}" lang="en" hreflang="en">Research summaries in English</a></li>
</ul>
<h2>{{_("portal.reviews")}}</h2>
% if not reviews:
<p>{{_("portal.no_reviews")}}</p>
% end
<ul class="summaries">
% for review in reviews:
<li>
<h3 lang="{{review['lang']}}"><a href="{{links.summary(review['lang'], review['id'])}}">{{review["title"]}}</a></h3>
<p class="meta">{{_("portal.available_in")}}:
% for n, (code, sid, title) in enumerate(review["languages"]):
{{" · " if n else ""}}<a href="{{links.summary(code, sid)}}" lang="{{code}}" hreflang="{{code}}">{{native[code]}}<span class="sr-only">: {{title}}</span></a>
% end
</p>
</li>
% end
</ul>
