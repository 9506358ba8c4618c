% rebase('base.tpl')
<section class="card">
<h2>{{_("rob.compare")}}: <span data-content>{{view['study']['label']}}</span> · {{view['tool_name']}}</h2>
% if len(view['reviewers']) < 2:
<p class="notice">{{_("extraction.blinded_note")}}</p>
% end
<table>
<thead><tr><th scope="col">{{_("rob.domain")}}</th>
% for r in view['reviewers']:
<th scope="col"><span data-content>{{names[r]}}</span></th>
% end
<th scope="col">{{_("rob.consensus")}}</th></tr></thead>
<tbody>
% for i, d in enumerate(view['domains']):
<tr><th scope="row">{{d['name']}}{{!' <strong class="error">≠</strong>' if d['differs'] else ''}}</th>
% for r in view['reviewers']:
<td>{{labels.get(d['judgements'][r], '—')}}</td>
% end
<td>{{labels.get(view['consensus']['domains'][i]['judgement'], '—') if view['consensus'] else '—'}}</td></tr>
% end
<tr><th scope="row">{{_("rob.overall")}}</th>
% for r in view['reviewers']:
<td>{{labels.get(view['overall'][r] or '', '—')}}</td>
% end
<td>{{labels.get(view['consensus']['overall'] or '', '—') if view['consensus'] else '—'}}</td></tr>
</tbody>
</table>
<form method="post" action="{{url('rob_agree', project_id=project['id'])}}" id="rob-agree-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<input type="hidden" name="study" value="{{view['study']['id']}}"><input type="hidden" name="tool" value="{{tool}}">
<input type="hidden" name="outcome" value="{{outcome}}">
<button type="submit" class="primary">{{_("rob.agree_identical")}}</button>
</form>
</section>
