% rebase('base.tpl')
<section class="card">
<div class="pagehead"><h2>{{_("grade.sof")}}</h2>
<p><a href="{{url('appraisal_export', project_id=project['id'], what='sof', fmt='html')}}?download=1">HTML</a> ·
<a href="{{url('appraisal_export', project_id=project['id'], what='sof', fmt='csv')}}">CSV</a> ·
<a href="{{url('appraisal_export', project_id=project['id'], what='sof', fmt='docx')}}">DOCX</a></p></div>
% if not outcomes:
<p class="empty">{{_("grade.none")}}</p>
% else:
{{!sof}}
% end
</section>
% if member['role'] in ('lead', 'reviewer'):
<section class="card">
<h2>{{_("grade.outcomes")}}</h2>
<ul>
% for o in outcomes:
<li><a href="{{url('grade_outcome', project_id=project['id'], outcome_id=o['id'])}}"><span data-content>{{o['name']}}</span></a> {{o['symbol']}} {{_('grade.certainty.' + o['certainty'])}}</li>
% end
</ul>
<h3>{{_("grade.new_outcome")}}</h3>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form method="post" action="{{url('grade_post', project_id=project['id'])}}" id="outcome-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<label for="o-name">{{_("rob.outcome")}}</label><input id="o-name" name="name" required>
<label for="o-importance">{{_("grade.importance")}}</label><select id="o-importance" name="importance">
% for i in importance:
<option value="{{i}}">{{_("grade.importance." + i.replace(' ', '_'))}}</option>
% end
</select>
<fieldset><legend>{{_("grade.studies")}}</legend>
% for s in studies:
<label class="choice"><input type="checkbox" name="study" value="{{s['id']}}"> <span data-content>{{s['label']}}</span> ({{_("design." + s['design'])}})</label>
% end
</fieldset>
<button type="submit" class="primary">{{_("grade.create")}}</button>
</form>
</section>
% end
