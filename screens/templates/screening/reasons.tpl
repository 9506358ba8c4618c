% rebase('base.tpl')
<section class="card">
<h2>{{_("reasons.title")}}</h2>
<p class="meta">{{_("reasons.help")}}</p>
<table id="reasons">
<tbody>
% for n, r in enumerate(reasons, start=1):
<tr><td>
  <form method="post" action="{{url('reasons_post', project_id=project['id'])}}" class="row">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <input type="hidden" name="reason_id" value="{{r['id']}}">
    <div><label for="reason-{{r['id']}}" class="sr-only">{{_("reasons.label")}}</label>
    <input id="reason-{{r['id']}}" name="label" value="{{r['label']}}" {{'disabled' if r['retired_at'] else ''}}></div>
    % if not r['retired_at']:
    <div><button type="submit" name="action" value="rename">{{_("reasons.rename")}}</button>
    <button type="submit" name="action" value="retire">{{_("reasons.retire")}}</button></div>
    % else:
    <div class="meta">{{_("reasons.retired")}}</div>
    % end
  </form>
</td></tr>
% end
</tbody>
</table>
<form method="post" action="{{url('reasons_post', project_id=project['id'])}}" class="row" id="reason-add">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="action" value="add">
  <div><label for="new-reason">{{_("reasons.new")}}</label><input id="new-reason" name="label" required></div>
  <div><button type="submit">{{_("common.add")}}</button></div>
</form>
</section>
