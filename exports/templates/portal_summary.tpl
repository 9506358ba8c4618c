% rebase("portal_base.tpl", lang=item["lang"], title=item["title"], links=links, _=_, alternates=alternates, switch=switch, head=head)
<article>
<h1 data-content>{{item["title"]}}</h1>
% if item.get("review_title"):
<p class="meta">{{_("portal.based_on", title=item["review_title"])}}</p>
% end
% if item.get("draft"):
<p class="meta"><strong>{{_("publishing.draft_notice", date=page_date(item["published_at"], item["lang"]), n=item["version"])}}</strong></p>
% else:
<p class="meta">{{_("portal.published", date=page_date(item["first_published_at"], item["lang"]))}}
% if item["published_at"][:10] != item["first_published_at"][:10]:
({{_("portal.updated", date=page_date(item["published_at"], item["lang"]))}})
% end
· {{_("portal.version", n=item["version"])}}</p>
% end
% if translations:
<nav class="no-print translations" aria-label="{{_('portal.also_in')}}"><p>{{_("portal.also_in")}}:
% for n, (code, name, href) in enumerate(translations):
{{" · " if n else ""}}<a href="{{href}}" lang="{{code}}" hreflang="{{code}}">{{name}}</a>
% end
</p></nav>
% end
% if item["topics"]:
<ul class="topics" aria-label="{{_('portal.topics')}}">
% for t in item["topics"]:
<li><a href="{{links.topic(item['lang'], t)}}" data-content>{{t}}</a></li>
% end
</ul>
% end
% include("summary_body.tpl", content=item["content"], _=_)
% if item["certainty"]:
<h2>{{_("portal.certainty_table")}}</h2>
<table><thead><tr><th scope="col">{{_("portal.outcome")}}</th><th scope="col">{{_("portal.certainty")}}</th><th scope="col">{{_("portal.studies")}}</th></tr></thead><tbody>
% for row in item["certainty"]:
<tr><td data-content>{{row.get("outcome", "")}}</td><td>{{_("portal.certainty_" + (row.get("certainty") or ""))}}</td><td>{{row.get("studies", "")}}</td></tr>
% end
</tbody></table>
% end
% if svg:
<h2 id="prisma-heading">{{_("portal.prisma")}}</h2>
<figure class="prisma" aria-labelledby="prisma-heading">
{{!svg}}
</figure>
<details><summary>{{_("portal.prisma_text")}}</summary>
<ul>
% for line in prisma_text:
<li>{{line}}</li>
% end
</ul></details>
<p class="no-print"><a href="{{links.prisma(item['id'], 'svg')}}" download>{{_("portal.download_svg")}}</a> ·
<a href="{{links.prisma(item['id'], 'png')}}" download>{{_("portal.download_png")}}</a></p>
% end
<p class="no-print"><button type="button" data-print hidden>{{_("portal.print")}}</button></p>
</article>
