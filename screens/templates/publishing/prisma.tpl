% rebase('base.tpl')
<section class="card">
<div class="pagehead">
<h2>{{_("prisma.title")}}</h2>
<p>{{_("prisma.language")}}:
<a href="?lang=nb" lang="nb" {{!'aria-current="true"' if diagram_lang == 'nb' else ''}}>Norsk</a> ·
<a href="?lang=nn" lang="nn" {{!'aria-current="true"' if diagram_lang == 'nn' else ''}}>Nynorsk</a> ·
<a href="?lang=en" lang="en" {{!'aria-current="true"' if diagram_lang == 'en' else ''}}>English</a></p>
</div>
% if in_progress:
<p class="notice" id="prisma-in-progress">{{_("prisma.in_progress", records=awaiting, reports=awaiting_reports)}}</p>
% end
<figure class="prisma">
{{!svg}}
</figure>
<p><a href="{{url('project_prisma_file', project_id=project['id'], ext='svg')}}?lang={{diagram_lang}}" download>{{_("prisma.download_svg")}}</a> ·
<a href="{{url('project_prisma_file', project_id=project['id'], ext='png')}}?lang={{diagram_lang}}" download>{{_("prisma.download_png")}}</a></p>
<details><summary>{{_("prisma.as_text")}}</summary>
<ul lang="{{diagram_lang}}">
% for line in lines:
<li>{{line}}</li>
% end
</ul></details>
</section>
<section class="card" aria-labelledby="automation-heading">
<h2 id="automation-heading">{{_("publishing.automation_heading")}}</h2>
<p class="meta">{{_("publishing.automation_help")}}</p>
<div lang="{{diagram_lang}}" id="automation-methods">
% for para in methods:
<p>{{para}}</p>
% end
</div>
<p><a href="{{url('project_export_file', project_id=project['id'])}}?what=automation-methods&amp;format=docx&amp;summary_lang={{diagram_lang}}">{{_("exports.what.automation-methods")}} ({{_("exports.format.docx")}})</a></p>
</section>
<section class="card">
<h2>{{_("prisma.removals")}}</h2>
<p class="meta">{{_("prisma.removals_help")}}</p>
% if removals:
<table><thead><tr><th scope="col">{{_("prisma.count")}}</th><th scope="col">{{_("prisma.reason")}}</th><th scope="col"><span class="sr-only">{{_("prisma.retract")}}</span></th></tr></thead><tbody>
% for r in removals:
<tr><td>{{fmt_number(r['count'])}}</td><td><span data-content>{{r['reason']}}</span></td><td>
% if member['role'] == 'lead':
<form method="post" action="{{url('project_prisma_retract', project_id=project['id'], removal_id=r['id'])}}" class="inline">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<button type="submit" class="link">{{_("prisma.retract")}}<span class="sr-only"> <span data-content>{{r['reason']}}</span></span></button></form>
% end
</td></tr>
% end
</tbody></table>
% else:
<p class="empty">{{_("common.none")}}</p>
% end
% if member['role'] == 'lead':
<form method="post" action="{{url('project_prisma_removal', project_id=project['id'])}}" class="row" id="removal-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<div><label for="removal-count">{{_("prisma.count")}}</label><input id="removal-count" name="count" type="number" min="0" required></div>
<div><label for="removal-reason">{{_("prisma.reason")}}</label><input id="removal-reason" name="reason" required></div>
<div><button type="submit" class="primary">{{_("prisma.add_removal")}}</button></div>
</form>
% end
</section>
<section class="card">
<h2>{{_("prisma.search_log")}}</h2>
<p><a href="{{url('searches_file', project_id=project['id'], fmt='csv')}}">{{_("prisma.download_log")}}</a></p>
% if log:
<div class="scroll"><table><thead><tr>
% for label in ("prisma.database", "prisma.platform", "prisma.date", "prisma.query", "prisma.limits", "prisma.records"):
<th scope="col">{{_(label)}}</th>
% end
</tr></thead><tbody>
% for row in log:
<tr><td><span data-content>{{row['database_name'] or row['file_name']}}</span></td><td><span data-content>{{row['platform']}}</span></td><td>{{fmt_date(row['searched_on'])}}</td><td class="pre"><span data-content>{{row['query']}}</span></td><td><span data-content>{{row['limits']}}</span></td><td>{{fmt_number(row['record_count'])}}</td></tr>
% end
</tbody></table></div>
% else:
<p class="empty">{{_("common.none")}}</p>
% end
</section>
