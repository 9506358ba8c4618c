% rebase('base.tpl')
<section class="card">
<div class="pagehead"><h2><span data-content>{{study['label']}}</span> <span class="meta">({{_("design." + study['design'])}})</span></h2>
<p><a href="{{url('study_compare', project_id=project['id'], study_id=study['id'])}}">{{_("extraction.compare")}}</a></p></div>
<ul>
% for r in study['records']:
<li>#{{r['id']}} <span data-content>{{r['title']}}</span> {{r['year'] or ''}}
<form method="post" action="{{url('study_unlink', project_id=project['id'], study_id=study['id'])}}" class="inline">
<input type="hidden" name="csrf_token" value="{{csrf}}"><input type="hidden" name="record" value="{{r['id']}}">
<button type="submit" class="link">{{_("extraction.unlink")}}<span class="sr-only"> #{{r['id']}}</span></button></form></li>
% end
</ul>
<form method="post" action="{{url('study_link', project_id=project['id'], study_id=study['id'])}}" class="row" id="link-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<div><label for="link-ids">{{_("extraction.link_reports")}}</label><input id="link-ids" name="record_ids" placeholder="12, 15"></div>
<div><button type="submit">{{_("common.add")}}</button></div>
</form>
% if submitted:
<p class="notice">{{_("extraction.submitted")}}</p>
% end
</section>
<section class="card">
<h2>{{_("extraction.my_extraction")}}</h2>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form method="post" action="{{url('study_extract', project_id=project['id'], study_id=study['id'])}}" id="extract-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
% for item in inputs:
  % if item['field']['type'] == 'group':
  <fieldset><legend>{{item['field']['label']}}</legend>
  <input type="hidden" name="rows:{{item['field']['key']}}" value="{{len(item['rows'])}}">
  % for n, row in enumerate(item['rows'], start=1):
    <fieldset><legend>{{item['field']['label']}} {{n}}</legend>
    % for sub in item['field']['fields']:
      % include('appraisal/field_input.tpl', field=sub, name='v:%s.%d.%s' % (item['field']['key'], n, sub['key']), value=row.get(sub['key']), label=sub['label'])
    % end
    </fieldset>
  % end
  </fieldset>
  % else:
  % include('appraisal/field_input.tpl', field=item['field'], name='v:' + item['field']['key'], value=item['value'], label=item['field']['label'])
  % end
% end
<button type="submit" class="primary" name="action" value="save">{{_("common.save")}}</button>
<button type="submit" name="action" value="submit">{{_("extraction.save_submit")}}</button>
</form>
</section>
