% rebase('base.tpl')
<section class="card">
<h2>{{_("summaries.title")}}</h2>
<p class="meta">{{_("publishing.summaries_intro")}}</p>
<ul class="cards">
% for code in langs:
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
% if s['latest']:
<p class="meta" id="export-{{code}}">{{_("publishing.export_in", name=_(f"summaries.lang_{code}"))}}
% for n, fmt in enumerate(export_formats):
{{" · " if n else ""}}<a href="{{url('project_export_file', project_id=project['id'])}}?what=summary&amp;format={{fmt}}&amp;summary_lang={{code}}" download aria-describedby="export-{{code}}">{{_("exports.format." + fmt)}}</a>
% end
</p>
% end
% else:
<p class="empty">{{_("summaries.not_started")}}</p>
% if can_write:
<p><a href="{{url('summary_editor', project_id=project['id'], lang=code)}}">{{_("summaries.start")}}</a></p>
% end
% end
</li>
% end
</ul>
<h3>{{_("publishing.export_heading")}}</h3>
<p class="meta">{{_("publishing.export_help")}}</p>
<p><a href="{{url('project_export_file', project_id=project['id'])}}?what=press-pack&amp;format=zip" download>{{_("publishing.press_pack")}}</a></p>
</section>
<section class="card">
% include("publishing/language_share.tpl", shares=shares)
</section>
