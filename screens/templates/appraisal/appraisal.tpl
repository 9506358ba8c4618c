% rebase('base.tpl')
<section class="card">
<h2>{{_("rob.assessments")}}</h2>
% if not assessments:
<p class="empty">{{_("rob.none")}}</p>
% else:
<table>
<thead><tr><th scope="col">{{_("extraction.study")}}</th><th scope="col">{{_("rob.outcome")}}</th><th scope="col">{{_("rob.tool")}}</th><th scope="col">{{_("rob.reviewer")}}</th><th scope="col">{{_("rob.overall")}}</th></tr></thead>
<tbody>
% for a in assessments:
<tr><td><a href="{{url('rob_assessment', project_id=project['id'], assessment_id=a['id'])}}"><span data-content>{{a['label']}}</span></a></td>
<td><span data-content>{{a['outcome'] or '—'}}</span></td><td>{{a['tool_name']}}</td>
<td><span data-content>{{a['reviewer_name'] or _("rob.consensus")}}</span>{{' ✓' if a['submitted_at'] else ''}}</td>
<td>{{labels.get(a['overall'] or '', '—')}}</td></tr>
% end
</tbody>
</table>
% end
</section>
<section class="card">
<h2>{{_("rob.start")}}</h2>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form method="post" action="{{url('rob_open', project_id=project['id'])}}" class="row" id="rob-open-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<div><label for="rob-study">{{_("extraction.study")}}</label><select id="rob-study" name="study_id">
% for s in studies:
<option value="{{s['id']}}" data-content>{{s['label']}}</option>
% end
</select></div>
<div><label for="rob-tool">{{_("rob.tool")}}</label><select id="rob-tool" name="tool">
% for t in tools:
<option value="{{t.key}}">{{tool_names[t.key]}}</option>
% end
</select></div>
<div><label for="rob-outcome">{{_("rob.outcome")}}</label><input id="rob-outcome" name="outcome"></div>
<div><label class="choice"><input type="checkbox" name="consensus" value="1"> {{_("rob.consensus")}}</label></div>
<div><button type="submit" class="primary">{{_("rob.open")}}</button></div>
</form>
</section>
% if plots:
<section class="card">
<div class="pagehead"><h2>{{_("rob.plots")}}</h2>
<p><a href="{{url('appraisal_export', project_id=project['id'], what='rob', fmt='csv')}}">CSV</a> ·
<a href="{{url('appraisal_export', project_id=project['id'], what='rob', fmt='xlsx')}}">XLSX</a></p></div>
% for p in plots:
<h3>{{p['tool_name']}}<span data-content>{{': ' + p['outcome'] if p['outcome'] else ''}}</span></h3>
% for kind in ('traffic', 'summary'):
% link = url('appraisal_export', project_id=project['id'], what='rob-plot', fmt='svg', query={'tool': p['tool'], 'outcome': p['outcome'], 'kind': kind})
<p class="robplot"><img src="{{link}}" alt="{{_('rob.plot_alt', plot=_('rob.plot_traffic') if kind == 'traffic' else _('rob.plot_summary'), tool=p['tool_name'], outcome=p['outcome'])}}"></p>
<p><a href="{{link}}&amp;download=1">SVG</a> · <a href="{{url('appraisal_export', project_id=project['id'], what='rob-plot', fmt='png', query={'tool': p['tool'], 'outcome': p['outcome'], 'kind': kind, 'download': '1'})}}">PNG</a></p>
% end
% end
</section>
% end
% if member['role'] == 'lead':
<section class="card">
<h2>{{_("rob.custom_tool")}}</h2>
<form method="post" action="{{url('rob_tool_post', project_id=project['id'])}}" id="rob-tool-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<label for="tool-name">{{_("rob.tool_name")}}</label><input id="tool-name" name="name" required>
<label for="tool-levels">{{_("rob.tool_levels")}}</label><input id="tool-levels" name="levels" placeholder="{{_('rob.tool_levels_example')}}">
<label for="tool-domains">{{_("rob.tool_domains")}}</label><textarea id="tool-domains" name="domains" rows="6"></textarea>
<button type="submit" class="primary">{{_("common.save")}}</button>
</form>
</section>
% end
