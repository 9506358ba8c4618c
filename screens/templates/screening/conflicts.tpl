% rebase('base.tpl')
<section class="card">
<h2>{{_("conflicts.title")}} · {{_("screening.stage" + str(stage))}}</h2>
% if not conflicts:
<p class="empty">{{_("conflicts.none")}}</p>
% end
</section>
% for c in conflicts:
<article class="card conflict" id="conflict-{{c['id']}}">
  <h3><span data-content>{{c['title']}}</span></h3>
  <p class="meta"><span data-content>{{c['journal']}}</span> · {{c['year'] or ''}}</p>
  <p class="abstract"><span data-content>{{c['abstract']}}</span></p>
  <table>
  <thead><tr><th scope="col">{{_("conflicts.reviewer")}}</th><th scope="col">{{_("screening.decision")}}</th><th scope="col">{{_("screening.reason")}}</th><th scope="col">{{_("screening.note")}}</th></tr></thead>
  <tbody>
  % for d in c['decisions']:
  <tr><td><span data-content>{{d['reviewer']}}</span></td><td>{{_("decision." + d['decision'])}}</td><td><span data-content>{{d['reason'] or ''}}</span></td><td><span data-content>{{d['note']}}</span> <span data-content>{{', '.join(d['labels'])}}</span></td></tr>
  % end
  </tbody>
  </table>
  <form method="post" action="{{url('conflict_resolve', project_id=project['id'], stage=stage, record_id=c['id'])}}" class="row">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    % if stage == 2:
    <div><label for="reason-{{c['id']}}">{{_("screening.reason")}}</label>
    <select id="reason-{{c['id']}}" name="reason_id"><option value="">—</option>
    % for r in reasons:
    <option value="{{r['id']}}" data-content>{{r['label']}}</option>
    % end
    </select></div>
    % end
    <div><label for="why-{{c['id']}}">{{_("conflicts.why")}}</label><input id="why-{{c['id']}}" name="reason" required></div>
    <div><button type="submit" name="decision" value="include" class="inc">{{_("decision.include")}}</button>
    <button type="submit" name="decision" value="exclude" class="exc">{{_("decision.exclude")}}</button></div>
  </form>
</article>
% end
