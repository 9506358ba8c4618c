% rebase('base.tpl')
% pid = project['id']
<section class="card" id="screening-progress">
<h2>{{_("screening.tab")}}</h2>
<table>
<thead><tr><th scope="col">{{_("screening.stage")}}</th><th scope="col">{{_("screening.mine")}}</th><th scope="col">{{_("screening.complete")}}</th>
% if sees != 'none':
<th scope="col">{{_("screening.settled")}}</th><th scope="col">{{_("screening.conflicts")}}</th>
% end
<th scope="col"></th></tr></thead>
<tbody>
% for p in progress:
<tr><th scope="row">{{_("screening.stage" + str(p['stage']))}}</th><td>{{fmt_number(p['mine'])}}</td><td>{{fmt_number(p['complete'])}} / {{fmt_number(p['total'])}}</td>
% if sees != 'none':
<td>{{fmt_number(p['settled'])}}</td><td>{{fmt_number(p['conflicts'])}}</td>
% end
<td>
% if member['role'] in ('lead', 'reviewer'):
<a class="button primary" href="{{url('screen', project_id=pid, stage=p['stage'])}}">{{_("screening.start")}}</a>
% end
% if can_resolve:
<a href="{{url('conflicts', project_id=pid, stage=p['stage'])}}">{{_("conflicts.title")}}</a>
% end
% if sees != 'none':
· <a href="{{url('agreement', project_id=pid, stage=p['stage'])}}">{{_("agreement.title")}}</a>
% end
</td></tr>
% end
</tbody>
</table>
<h3>{{_("screening.team")}}</h3>
<ul>
% for r in progress[0]['reviewers']:
<li><span data-content>{{r['name']}}</span>: {{fmt_number(r['decided'])}}</li>
% end
</ul>
</section>

% if pilot:
<section class="card" id="pilot">
<h2>{{_("pilot.title")}}</h2>
<p>{{_("pilot.open") if pilot['open'] else _("pilot.closed")}} · {{_("pilot.size", n=pilot['size'])}}</p>
% if pilot['agreement']:
% include('screening/agreement_table.tpl', rows=pilot['agreement'])
% elif not pilot['complete']:
<p class="meta">{{_("pilot.waiting")}}</p>
% end
</section>
% end

% if sees == 'none':
<p class="meta" id="blinded-note">{{_("release.blinded_note", one=released[1]['count'], two=released[2]['count'])}}</p>
% end
<section class="card" id="exports">
<h2>{{_("screening.exports")}}</h2>
<ul>
<li><a href="{{url('screening_export', project_id=pid)}}?what=decisions&amp;format=csv">{{_("screening.export_decisions")}} (CSV)</a></li>
% if sees != 'none':
<li><a href="{{url('screening_export', project_id=pid)}}?what=included&amp;stage=1&amp;format=csv">{{_("screening.export_included", stage=1)}} (CSV)</a>
  · <a href="{{url('screening_export', project_id=pid)}}?what=included&amp;stage=1&amp;format=ris">RIS</a></li>
<li><a href="{{url('screening_export', project_id=pid)}}?what=included&amp;stage=2&amp;format=csv">{{_("screening.export_included", stage=2)}} (CSV)</a>
  · <a href="{{url('screening_export', project_id=pid)}}?what=included&amp;stage=2&amp;format=ris">RIS</a></li>
% end
</ul>
</section>

% if member['role'] == 'lead':
<section class="card" id="lead-tools">
<h2>{{_("screening.lead_tools")}}</h2>
<p><a href="{{url('reasons', project_id=pid)}}">{{_("reasons.title")}}</a></p>
<form method="post" action="{{url('pilot_post', project_id=pid)}}" class="row" id="pilot-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  % if pilot and pilot['open']:
  <div><button type="submit" name="action" value="close">{{_("pilot.close")}}</button></div>
  % else:
  <div><label for="pilot-size">{{_("pilot.sample")}}</label><input id="pilot-size" name="size" type="number" min="2" max="1000" value="50"></div>
  <div><button type="submit" name="action" value="start">{{_("pilot.start")}}</button></div>
  % end
</form>
<form method="post" action="{{url('screening_settings_post', project_id=pid)}}" id="screening-settings">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <fieldset><legend>{{_("settings.maybe")}}</legend>
    <label class="choice"><input type="radio" name="maybe_policy" value="as_include" {{'checked' if settings['maybe_policy'] == 'as_include' else ''}}> {{_("settings.maybe_as_include")}}</label>
    <label class="choice"><input type="radio" name="maybe_policy" value="conflict" {{'checked' if settings['maybe_policy'] == 'conflict' else ''}}> {{_("settings.maybe_conflict")}}</label>
  </fieldset>
  <fieldset><legend>{{_("settings.blinding")}}</legend>
    <label class="choice"><input type="radio" name="blinded" value="1" {{'checked' if settings['blinded'] else ''}}> {{_("settings.blinded")}}</label>
    <label class="choice"><input type="radio" name="blinded" value="0" {{'' if settings['blinded'] else 'checked'}}> {{_("settings.unblinded")}}</label>
  </fieldset>
  <button type="submit">{{_("common.save")}}</button>
</form>
% if settings['blinded']:
<form method="post" action="{{url('screening_release_post', project_id=pid)}}" id="release-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <fieldset><legend>{{_("release.title")}}</legend>
    <p class="meta">{{_("release.help")}}</p>
    <p>{{_("release.count", one=released[1]['count'], two=released[2]['count'])}}</p>
    <button type="submit" name="stage" value="1">{{_("release.stage1")}}</button>
    <button type="submit" name="stage" value="2">{{_("release.stage2")}}</button>
  </fieldset>
</form>
% end
</section>
% end
