% rebase("portal_base.tpl", lang=lang, title=heading, links=links, _=_, alternates=alternates, switch=switch, head=head)
<h1>{{heading}}</h1>
% if live:
<form class="filter" method="get" action="{{links.index(lang)}}" role="search">
<label>{{_("portal.search_words")}} <input type="search" name="q" value="{{query}}"></label>
<label>{{_("portal.topic")}} <select name="topic">
<option value="">{{_("portal.any_topic")}}</option>
% for t in topics:
<option value="{{t}}" {{"selected" if t == topic else ""}} data-content>{{t}}</option>
% end
</select></label>
<button type="submit">{{_("portal.show")}}</button>
</form>
% else:
<div role="search" class="filter no-print" id="filter" hidden>
<label>{{_("portal.search_words")}} <input type="search" id="filter-input"></label>
</div>
% end
% if topics:
<nav aria-label="{{_('portal.topics')}}"><h2>{{_("portal.topics")}}</h2><ul class="topics">
% for t in topics:
<li><a href="{{links.topic(lang, t)}}" {{!'aria-current="page"' if t == topic else ""}} data-content>{{t}}</a></li>
% end
</ul></nav>
% end
<p class="meta" aria-live="polite" id="count" data-label="{{_('portal.count', n='{n}')}}" data-label-one="{{_('portal.count', n='{n}', count=1)}}">{{_("portal.count", n=len(items))}}</p>
% if not items:
<p>{{_("portal.none")}}</p>
% end
<ul class="summaries">
% for item in items:
<li data-text="{{item['search_text']}}">
<h2><a href="{{links.summary(item['lang'], item['id'])}}" data-content>{{item["title"]}}</a></h2>
<p class="meta">{{_("portal.published", date=page_date(item["first_published_at"], lang))}}
% if item["topics"]:
· <span data-content>{{", ".join(item["topics"])}}</span>
% end
</p>
% if item["content"]["key_messages"]:
<p data-content>{{item["content"]["key_messages"][0]}}</p>
% end
</li>
% end
</ul>
