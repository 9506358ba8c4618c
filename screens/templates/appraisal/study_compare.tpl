% rebase('base.tpl')
<section class="card">
<h2>{{_("extraction.comparison")}}: <span data-content>{{view['study']['label']}}</span></h2>
<p class="meta">{{_("extraction.differences", n=view['differences'])}}</p>
% if len(view['reviewers']) < 2:
<p class="notice">{{_("extraction.blinded_note")}}</p>
% end
<form method="post" action="{{url('study_agree', project_id=project['id'], study_id=view['study']['id'])}}" id="agree-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<div class="compare-scroll">
<table class="compare">
<thead><tr><th scope="col">{{_("extraction.field")}}</th>
% for rid, name in view['reviewers'].items():
<th scope="col"><span data-content>{{name}}</span>
% if len(view['reviewers']) > 1:
<br><button type="submit" name="take" value="{{rid}}|*" class="link take-all" data-take-all="{{rid}}">{{_("extraction.take_all", name=name)}}</button>
% end
</th>
% end
<th scope="col">{{_("extraction.agreed")}}</th></tr></thead>
<tbody>
% for row in rows:
% field = row['field'] or {'type': 'text', 'options': []}
% kind = field['type']
% aid = 'a-' + row['path'].replace('.', '-')
<tr class="{{'differs' if row['differs'] else ''}}"><th scope="row">{{row['label']}}{{!' <strong class="error">≠</strong>' if row['differs'] else ''}}</th>
% for rid, name in view['reviewers'].items():
<td class="value">
  <span class="pre" data-content data-value-of="{{rid}}" data-raw="{{json_value(row['values'][rid])}}">{{row['shown'][rid]}}</span>
  % if row['values'][rid] is not None and row['values'][rid] != row['agreed']:
  <br><button type="submit" name="take" value="{{rid}}|{{row['path']}}" class="link take" data-target="{{aid}}" data-raw="{{json_value(row['values'][rid])}}">{{_("extraction.take", name=name)}}<span class="sr-only">: {{row['label']}}</span></button>
  % end
</td>
% end
<td class="agreed">
% if kind in ('choice', 'yesno'):
<label class="sr-only" for="{{aid}}">{{row['label']}}</label>
<select id="{{aid}}" name="a:{{row['path']}}"><option value=""></option>
% for option in (field['options'] if kind == 'choice' else ('yes', 'no', 'unclear')):
<option value="{{option}}" {{'selected' if row['agreed'] == option else ''}}>{{_("common.answer." + option) if kind == 'yesno' else option}}</option>
% end
</select>
% elif kind == 'multi':
<fieldset id="{{aid}}" class="multi"><legend class="sr-only">{{row['label']}}</legend>
<input type="hidden" name="m:{{row['path']}}" value="1">
% for option in field['options']:
<label class="choice"><input type="checkbox" name="a:{{row['path']}}" value="{{option}}" {{'checked' if row['agreed'] and option in row['agreed'] else ''}}> {{option}}</label>
% end
</fieldset>
% else:
% text = row['agreed_shown']
<label class="sr-only" for="{{aid}}">{{row['label']}}</label>
<textarea id="{{aid}}" name="a:{{row['path']}}" rows="{{max(1, min(8, len(text) // 45 + 1 + text.count(chr(10))))}}" {{!'inputmode="decimal"' if kind == 'number' else ''}}>{{text}}</textarea>
% end
</td></tr>
% end
</tbody>
</table>
</div>
<button type="submit" class="primary" name="action" value="save">{{_("extraction.save_agreed")}}</button>
<button type="submit" name="action" value="identical">{{_("extraction.agree_identical")}}</button>
</form>
</section>
