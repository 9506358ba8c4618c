% rebase('base.tpl')
<section class="card">
<h2>{{_("summaries.title")}}</h2>
<p class="meta">{{_("summaries.intro")}}</p>
<ul class="cards">
% for code in ("nb", "en"):
% s = found[code]
<li class="card">
<h3 lang="{{code}}">{{_(f"summaries.lang_{code}")}}</h3>
% if s:
<p><span data-content>{{s['latest']['content']['title'] if s['latest'] else ''}}</span></p>
<p class="meta">{{_("summaries.state")}}: {{_(f"summaries.state_{s['state']}")}}
% if s['published_version_id'] and not s['withdrawn_at']:
· <a href="/portal/{{code}}/{{s['id']}}">{{_("summaries.view_public")}}</a>
% end
</p>
<p><a href="{{url('summary_editor', project_id=project['id'], lang=code)}}">{{_("summaries.open")}}</a></p>
% else:
<p class="empty">{{_("summaries.not_started")}}</p>
% if can_write:
<p><a href="{{url('summary_editor', project_id=project['id'], lang=code)}}">{{_("summaries.start")}}</a></p>
% end
% end
</li>
% end
</ul>
</section>
