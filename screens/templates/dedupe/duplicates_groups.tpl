% rebase('base.tpl')
<link rel="stylesheet" href="/static/duplicates.css">
<section class="card">
<h2>{{_("dup.groups")}}</h2>
<p>{{_("dup.groups_summary", groups=total_groups, removed=removed)}}</p>
<a class="button" href="{{url('duplicates', project_id=project['id'])}}">{{_("dup.back")}}</a>
<form method="get" action="{{url('duplicates_groups', project_id=project['id'])}}" class="row" id="groups-search" role="search">
  <div><label for="groups-q">{{_("dup.groups_find")}}</label>
  <input id="groups-q" name="q" type="search" value="{{q}}" aria-describedby="groups-q-hint">
  <span class="meta" id="groups-q-hint">{{_("dup.groups_find_hint")}}</span></div>
  <div><button type="submit" class="primary">{{_("dup.groups_search")}}</button>
% if q:
  <a href="{{url('duplicates_groups', project_id=project['id'])}}">{{_("dup.groups_all")}}</a>
% end
  </div>
</form>
% if q:
<p class="meta" role="status" id="groups-found">{{_("dup.groups_found", n=found, q=q)}}</p>
% end
% if page['pages'] > 1:
<p class="meta">{{_("dup.groups_page_of", page=page['page'], pages=page['pages'])}}</p>
% end
</section>
% if not groups and q:
<section class="card"><p class="empty">{{_("dup.groups_none_found")}}</p></section>
% elif not groups:
<section class="card"><p class="empty">{{_("dup.no_groups")}}</p></section>
% end
% for g in groups:
<section class="card group" aria-labelledby="g{{g['id']}}">
<h2 id="g{{g['id']}}"><span data-content>{{g['merged']['title']['value'] or _("dup.untitled")}}</span></h2>
<p class="meta">{{_("dup.group_n", id=g['id'], n=len(g['members']))}}</p>
<dl class="merged">
% for field in ('authors', 'year', 'journal', 'volume', 'pages_start', 'doi', 'pmid'):
  % cell = g['merged'][field]
  % if cell['value']:
  <dt>{{_("dup.f." + field)}}</dt>
  <dd><span data-content>{{'; '.join(cell['value']) if isinstance(cell['value'], list) else cell['value']}}</span> <span class="meta">(#{{cell['record_id']}})</span></dd>
  % end
% end
</dl>
<table class="members">
<thead><tr><th scope="col">#</th><th scope="col">{{_("dup.source")}}</th><th scope="col">{{_("dup.status")}}</th><th scope="col">{{_("dup.f.title")}}</th><th scope="col"></th></tr></thead>
<tbody>
% for m in g['members']:
<tr><td>{{m['record_id']}}{{' ★' if m['record_id'] == g['representative_id'] else ''}}</td><td><span data-content>{{m['source_name']}}</span></td>
<td>{{_("dup.status." + m['status'])}}</td><td><span data-content>{{m['title']}}</span></td>
<td><form method="post" action="{{url('duplicates_split', project_id=project['id'], record_id=m['record_id'])}}" class="inline" id="split-{{m['record_id']}}">
<input type="hidden" name="csrf_token" value="{{csrf}}"><input type="hidden" name="q" value="{{q}}"><input type="hidden" name="page" value="{{page['page']}}">
<button type="submit" class="link">{{_("dup.split")}}</button></form></td></tr>
% end
</tbody>
</table>
<p class="meta">★ {{_("dup.representative")}}</p>
<form method="post" action="{{url('duplicates_undo', project_id=project['id'], group_id=g['id'])}}" class="inline" id="undo-{{g['id']}}" data-confirm="{{_('dup.undo_confirm')}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}"><input type="hidden" name="q" value="{{q}}"><input type="hidden" name="page" value="{{page['page']}}">
  <button type="submit">{{_("dup.undo")}}</button>
</form>
</section>
% end
% include('dedupe/duplicates_pager.tpl')
