% rebase('base.tpl')
<section class="card">
<div class="pagehead"><h2>{{_("extraction.studies")}}</h2>
<p>
% if member['role'] == 'lead':
<a href="{{url('extraction_form', project_id=project['id'])}}">{{_("extraction.form_design")}}</a> ·
% end
<a href="{{url('appraisal_export', project_id=project['id'], what='extraction', fmt='csv')}}">{{_("extraction.export_csv")}}</a> ·
<a href="{{url('appraisal_export', project_id=project['id'], what='extraction', fmt='xlsx')}}">{{_("extraction.export_xlsx")}}</a></p></div>
% if not studies:
<p class="empty">{{_("extraction.no_studies")}}</p>
% else:
<table>
<thead><tr><th scope="col">{{_("extraction.study")}}</th><th scope="col">{{_("extraction.design")}}</th><th scope="col">{{_("extraction.reports")}}</th><th scope="col">{{_("extraction.progress")}}</th></tr></thead>
<tbody>
% for s in studies:
<tr><td><a href="{{url('study', project_id=project['id'], study_id=s['id'])}}"><span data-content>{{s['label']}}</span></a></td>
<td>{{_("design." + s['design'])}}</td>
<td><span data-content>{{'; '.join(f"#{r['id']} {r['title']}" for r in s['records'])}}</span></td>
<td>{{_("extraction.progress_counts", submitted=progress[s['id']]['submitted'], agreed=progress[s['id']]['agreed'])}}</td></tr>
% end
</tbody>
</table>
% end
</section>
<section class="card">
<h2>{{_("extraction.new_study")}}</h2>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form method="post" action="{{url('studies_post', project_id=project['id'])}}" id="study-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<label for="study-label">{{_("extraction.label")}}</label><input id="study-label" name="label" required placeholder="{{_('extraction.label_example')}}">
<label for="study-design">{{_("extraction.design")}}</label>
<select id="study-design" name="design">
% for d in designs:
<option value="{{d}}" {{'selected' if d == 'observational' else ''}}>{{_("design." + d)}}</option>
% end
</select>
% if candidates:
<fieldset><legend>{{_("extraction.included_reports")}}</legend>
% for r in candidates:
<label class="choice"><input type="checkbox" name="record" value="{{r['id']}}"> #{{r['id']}} <span data-content>{{r['title']}}</span> {{r['year'] or ''}}</label>
% end
</fieldset>
% end
<label for="study-records">{{_("extraction.record_ids")}}</label><input id="study-records" name="record_ids" placeholder="12, 15">
<button type="submit" class="primary">{{_("extraction.create_study")}}</button>
</form>
</section>
