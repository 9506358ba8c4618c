% rebase('base.tpl')
<section class="card">
<h2>{{_("conflicts.title")}} · {{_("screening.stage" + str(stage))}}</h2>
% if not conflicts:
<p class="empty">{{_("conflicts.none")}}</p>
% end
</section>
% for c in conflicts:
<article class="card conflict" id="conflict-{{c['id']}}">
  <h3>{{c['title']}}</h3>
  <p class="meta">{{c['journal']}} · {{c['year'] or ''}}</p>
  <p class="abstract">{{c['abstract']}}</p>
  <table>
  <thead><tr><th scope="col">{{_("conflicts.reviewer")}}</th><th scope="col">{{_("screening.decision")}}</th><th scope="col">{{_("screening.reason")}}</th><th scope="col">{{_("screening.note")}}</th></tr></thead>
  <tbody>
  % for d in c['decisions']:
  <tr><td>{{d['reviewer']}}</td><td>{{_("decision." + d['decision'])}}</td><td>{{d['reason'] or ''}}</td><td>{{d['note']}} {{', '.join(d['labels'])}}</td></tr>
  % end
  </tbody>
  </table>
  <form method="post" action="{{url('conflict_resolve', project_id=project['id'], stage=stage, record_id=c['id'])}}" class="row">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    % if stage == 2:
    <div><label for="reason-{{c['id']}}">{{_("screening.reason")}}</label>
    <select id="reason-{{c['id']}}" name="reason_id"><option value="">—</option>
    % for r in reasons:
    <option value="{{r['id']}}">{{r['label']}}</option>
    % end
    </select></div>
    % end
    <div><label for="why-{{c['id']}}">{{_("conflicts.why")}}</label><input id="why-{{c['id']}}" name="reason" required></div>
    <div><button type="submit" name="decision" value="include" class="inc">{{_("decision.include")}}</button>
    <button type="submit" name="decision" value="exclude" class="exc">{{_("decision.exclude")}}</button></div>
  </form>
</article>
% end
