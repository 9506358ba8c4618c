% rebase('base.tpl')
<link rel="stylesheet" href="/static/duplicates.css">
<section class="card">
<h2>{{_("dup.title")}}</h2>
% running = bool(run and run['running'])
% if running:
<p role="status" id="dedupe-running" data-poll="2000">{{_("dup.running", since=run['since'])}}
<a href="{{url('duplicates', project_id=project['id'])}}">{{_("dup.check_again")}}</a></p>
% elif run and run['error']:
<p class="error" role="alert" id="dedupe-failed">{{_("dup.failed", since=run['since'], error=run['error'])}}</p>
% elif run:
<p role="status" id="dedupe-done">{{_("dup.ran_at", at=run['finished'])}}
{{_("dup.ran_counts", groups=run['counts']['groups'], certain=run['counts']['certain'], possible=run['counts']['possible'])}}</p>
% end
<p>{{_("dup.summary", removed=removed, waiting=total)}}</p>
<form method="post" action="{{url('duplicates_run', project_id=project['id'])}}" class="inline" id="run">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
% if running:
  <button type="submit" class="primary" disabled>{{_("dup.run")}}</button>
% else:
  <button type="submit" class="primary">{{_("dup.run")}}</button>
% end
</form>
<a class="button" href="{{url('duplicates_groups', project_id=project['id'])}}">{{_("dup.groups")}}</a>
</section>

% if current:
<section class="card" id="pair" aria-labelledby="pair-title">
<h2 id="pair-title">{{_("dup.pair_n", n=offset + 1, total=total)}}</h2>
<p class="meta" id="pair-why">{{_("dup.why")}}: {{current['why']}} · {{_("dup.score")}} {{int(current['score'])}}</p>
<table class="pair">
<thead><tr><th scope="col">{{_("dup.field")}}</th>
<th scope="col"><span data-content>{{current['a']['source_name']}}</span> · #{{current['a']['id']}}</th>
<th scope="col"><span data-content>{{current['b']['source_name']}}</span> · #{{current['b']['id']}}</th></tr></thead>
<tbody>
% for row in rows:
<tr class="{{'differs' if row['differs'] else ''}}"><th scope="row">{{_("dup.f." + row['field'])}}</th>
% for side in ('a', 'b'):
<td>
% for word, changed in row[side]:
% if changed:
<mark class="diff"><span data-content>{{word}}</span></mark>
% else:
<span data-content>{{word}}</span>
% end
% end
</td>
% end
</tr>
% end
</tbody>
</table>
<form method="post" action="{{url('duplicates_decide', project_id=project['id'], pair_id=current['id'])}}" class="decide" id="decide">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="skip" value="{{offset}}">
  <button type="submit" name="decision" value="same" class="primary" data-key="s" aria-keyshortcuts="S">{{_("dup.same")}} <kbd>S</kbd></button>
  <button type="submit" name="decision" value="different" data-key="d" aria-keyshortcuts="D">{{_("dup.different")}} <kbd>D</kbd></button>
  <a class="button" href="?skip={{offset + 1}}" data-key="k" aria-keyshortcuts="K">{{_("dup.skip")}} <kbd>K</kbd></a>
</form>
<p class="meta">{{_("dup.keys")}}</p>
</section>
% elif total:
<section class="card"><p>{{_("dup.end_of_queue")}} <a href="?skip=0">{{_("dup.from_start")}}</a></p></section>
% else:
<section class="card"><p class="empty">{{_("dup.none_waiting")}}</p></section>
% end

% if pairs:
<section class="card">
<h2>{{_("dup.waiting")}}</h2>
<form method="post" action="{{url('duplicates_bulk', project_id=project['id'])}}" id="bulk">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<table class="pairs">
<thead><tr><th scope="col">{{_("dup.pick")}}</th><th scope="col">{{_("dup.f.title")}}</th><th scope="col">{{_("dup.why")}}</th></tr></thead>
<tbody>
% for p in pairs:
<tr><td><input type="checkbox" name="pair_id" value="{{p['id']}}" id="p{{p['id']}}" aria-label="{{_('dup.pick')}} #{{p['a']['id']}} / #{{p['b']['id']}}"></td>
<td><label for="p{{p['id']}}"><span data-content>{{p['a']['title'] or '—'}}</span><br><span class="meta"><span data-content>{{p['b']['title'] or '—'}}</span></span></label></td>
<td>{{p['why']}} ({{int(p['score'])}})</td></tr>
% end
</tbody>
</table>
<button type="submit" class="primary">{{_("dup.bulk")}}</button>
</form>
</section>
% end
