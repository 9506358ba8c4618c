% rebase("portal_base.tpl", lang=lang, title=_("portal.language_choice"), links=links, _=_, alternates=alternates)
<h1>{{_("portal.site_title")}}</h1>
<ul>
<li><a href="{{links.index('nb')}}" lang="nb" hreflang="nb">Kunnskapsoppsummeringer på norsk (bokmål)</a></li>
<li><a href="{{links.index('en')}}" lang="en" hreflang="en">Research summaries in English</a></li>
</ul>
