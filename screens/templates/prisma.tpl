% rebase('base.tpl')
<section class="card">
<div class="pagehead">
<h2>{{_("prisma.title")}}</h2>
<p>{{_("prisma.language")}}:
<a href="?lang=nb" lang="nb" {{!'aria-current="true"' if diagram_lang == 'nb' else ''}}>Norsk</a> ·
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
<section class="card">
<h2>{{_("prisma.removals")}}</h2>
<p class="meta">{{_("prisma.removals_help")}}</p>
% if removals:
<table><thead><tr><th scope="col">{{_("prisma.count")}}</th><th scope="col">{{_("prisma.reason")}}</th><th scope="col"><span class="sr-only">{{_("prisma.retract")}}</span></th></tr></thead><tbody>
% for r in removals:
<tr><td>{{r['count']}}</td><td>{{r['reason']}}</td><td>
% if member['role'] == 'lead':
<form method="post" action="{{url('project_prisma_retract', project_id=project['id'], removal_id=r['id'])}}" class="inline">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<button type="submit" class="link">{{_("prisma.retract")}}<span class="sr-only"> {{r['reason']}}</span></button></form>
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
<tr><td>{{row['database_name'] or row['file_name']}}</td><td>{{row['platform']}}</td><td>{{row['searched_on'] or ''}}</td><td class="pre">{{row['query']}}</td><td>{{row['limits']}}</td><td>{{row['record_count']}}</td></tr>
% end
</tbody></table></div>
% else:
<p class="empty">{{_("common.none")}}</p>
% end
</section>
