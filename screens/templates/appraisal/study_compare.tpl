% rebase('base.tpl')
<section class="card">
<h2>{{_("extraction.comparison")}}: <span data-content>{{view['study']['label']}}</span></h2>
<p class="meta">{{_("extraction.differences", n=view['differences'])}}</p>
% if len(view['reviewers']) < 2:
<p class="notice">{{_("extraction.blinded_note")}}</p>
% end
<form method="post" action="{{url('study_agree', project_id=project['id'], study_id=view['study']['id'])}}" id="agree-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<table>
<thead><tr><th scope="col">{{_("extraction.field")}}</th>
% for rid, name in view['reviewers'].items():
<th scope="col"><span data-content>{{name}}</span></th>
% end
<th scope="col">{{_("extraction.agreed")}}</th></tr></thead>
<tbody>
% for row in view['rows']:
<tr class="{{'differs' if row['differs'] else ''}}"><th scope="row">{{row['label']}}{{!' <strong class="error">≠</strong>' if row['differs'] else ''}}</th>
% for rid in view['reviewers']:
<td><span data-content>{{show(row['values'][rid])}}</span></td>
% end
<td><label class="sr-only" for="a-{{row['path']}}">{{row['label']}}</label><input id="a-{{row['path']}}" name="a:{{row['path']}}" value="{{show(row['agreed'])}}"></td></tr>
% end
</tbody>
</table>
<button type="submit" class="primary" name="action" value="save">{{_("extraction.save_agreed")}}</button>
<button type="submit" name="action" value="identical">{{_("extraction.agree_identical")}}</button>
</form>
</section>
