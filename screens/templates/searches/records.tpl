% rebase('base.tpl')
% chosen = found['chosen']
% fields = ('q', 'year_from', 'year_to', 'has_abstract', 'search_id', 'at', 'mine', 'final', 'stage', 'label', 'reason', 'dup')
<div class="records-layout">
<aside class="card facets" aria-labelledby="facets-title" id="facets">
  <details class="facets-fold" open id="facets-fold">
  <summary><h2 id="facets-title">{{_("records.facets")}}</h2>
  % active = [k for k in ('mine', 'final', 'stage', 'label', 'reason', 'dup') if chosen.get(k)]
  % if active:
  <span class="meta">{{_("records.facets_active", n=len(active))}}</span>
  % end
  </summary>
  <div class="facets-body">
  <form method="get" action="{{url('records', project_id=project['id'])}}" id="at-form" class="facet-at">
    % for k in fields:
    % if k != 'at' and filters.get(k):
    <input type="hidden" name="{{k}}" value="{{filters[k]}}">
    % end
    % end
    <label for="facet-at">{{_("records.facet.at")}}</label>
    <select id="facet-at" name="at">
      <option value="1"{{!' selected' if chosen.get('at', '1') == '1' else ''}}>{{_("screening.stage1")}}</option>
      <option value="2"{{!' selected' if chosen.get('at') == '2' else ''}}>{{_("screening.stage2")}}</option>
    </select>
    <button type="submit" class="at-apply">{{_("records.filter")}}</button>
  </form>
  % for facet, values in found['facets'].items():
  <section class="facet" id="facet-{{facet}}" aria-labelledby="facet-{{facet}}-title">
    <h3 id="facet-{{facet}}-title">{{_("records.facet." + facet)}}</h3>
    % if not values:
    <p class="meta">{{_("records.facet_empty")}}</p>
    % end
    <ul>
    % for v in values:
      % value = str(v['value'])
      % text = v.get('label') or (_("records.facet." + facet + "." + value) if facet not in ('label', 'reason') else value)
      % on = chosen.get(facet, '').lower() == value.lower()
      <li>
      % if on:
        <a href="?{{facet_query(**{facet: '', 'page': ''})}}" aria-current="true" class="facet-on" data-facet="{{facet}}" data-value="{{value}}">{{text}} <span class="count">{{v['count']}}</span> <span aria-hidden="true">×</span><span class="sr-only">({{_("records.facet_clear")}})</span></a>
      % elif v['count']:
        <a href="?{{facet_query(**{facet: value, 'page': ''})}}" data-facet="{{facet}}" data-value="{{value}}">{{text}} <span class="count">{{v['count']}}</span></a>
      % else:
        <span class="facet-zero">{{text}} <span class="count">0</span></span>
      % end
      </li>
    % end
    </ul>
  </section>
  % end
  % if found['blinded']:
  <p class="meta" id="facets-blinded">{{_("records.facets_blinded")}}</p>
  % end
  </div>
  </details>
</aside>
<section class="card records-main">
<h2>{{_("records.records")}}</h2>
<form method="get" action="{{url('records', project_id=project['id'])}}" class="row" id="records-filter" role="search">
  % for k in ('at', 'mine', 'final', 'stage', 'label', 'reason', 'dup'):
  % if filters.get(k):
  <input type="hidden" name="{{k}}" value="{{filters[k]}}">
  % end
  % end
  <div><label for="records-q">{{_("records.find")}}</label><input id="records-q" name="q" type="search" value="{{filters.get('q', '')}}"></div>
  <div><label for="records-from">{{_("records.year_from")}}</label><input id="records-from" name="year_from" inputmode="numeric" size="6" value="{{filters.get('year_from', '')}}"></div>
  <div><label for="records-to">{{_("records.year_to")}}</label><input id="records-to" name="year_to" inputmode="numeric" size="6" value="{{filters.get('year_to', '')}}"></div>
  <div><label for="records-abstract">{{_("records.has_abstract")}}</label>
  <select id="records-abstract" name="has_abstract">
    <option value="">{{_("records.any")}}</option>
    <option value="1" {{'selected' if filters.get('has_abstract') == '1' else ''}}>{{_("records.with")}}</option>
    <option value="0" {{'selected' if filters.get('has_abstract') == '0' else ''}}>{{_("records.without")}}</option>
  </select></div>
  <div><label for="records-search">{{_("records.searches")}}</label>
  <select id="records-search" name="search_id">
    <option value="">{{_("records.all_searches")}}</option>
  % for s in searches:
    <option value="{{s['id']}}" data-content {{'selected' if filters.get('search_id') == str(s['id']) else ''}}>#{{s['id']}} {{s['database_name'] or s['file_name']}}</option>
  % end
  </select></div>
  <div><button type="submit" class="primary">{{_("records.filter")}}</button></div>
</form>
% if done:
<p class="flash" role="status" id="bulk-done">{{_("records.done." + done['action'], n=done['n'])}}{{' ' + _("records.done.overridden", n=done['overridden']) if done['action'] == 'moved' and done['overridden'] else ''}}{{' ' + _("records.done.skipped", waiting=done['waiting'], agreed=done['agreed'], already=done['already']) if done['action'] == 'moved' and (done['waiting'] or done['agreed'] or done['already']) else ''}}</p>
% end
% filtered = facet_query(page='')
<p class="meta" role="status" id="records-count">{{_("records.found", n=page['total'], total=counts['total'])}}
 · {{_("records.export_filtered")}}:
 <a href="{{url('records_filtered', project_id=project['id'], fmt='ris')}}{{'?' + filtered if filtered else ''}}" id="export-ris">RIS</a>
 · <a href="{{url('records_filtered', project_id=project['id'], fmt='csv')}}{{'?' + filtered if filtered else ''}}" id="export-csv">CSV</a>
 · <a href="{{url('records_filtered', project_id=project['id'], fmt='xlsx')}}{{'?' + filtered if filtered else ''}}">XLSX</a></p>
% if is_lead and page['total']:
<form method="post" action="{{url('records_bulk', project_id=project['id'])}}" id="bulk-form" class="bulk">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  % for k in fields:
  % if filters.get(k):
  <input type="hidden" name="{{k}}" value="{{filters[k]}}">
  % end
  % end
  <fieldset><legend>{{_("records.bulk")}}</legend>
  <div class="bulk-row">
    <div class="bulk-scope">
      <label class="choice"><input type="radio" name="scope" value="selected" checked> <span>{{_("records.bulk_selected")}} (<span id="bulk-selected">0</span>)</span></label>
      <label class="choice"><input type="radio" name="scope" value="all" id="bulk-all"> <span>{{_("records.bulk_all", n=page['total'])}}</span></label>
    </div>
    <div><label for="bulk-action">{{_("records.bulk_action")}}</label>
    <select id="bulk-action" name="action">
      <option value="label_add">{{_("records.bulk.label_add")}}</option>
      <option value="label_remove">{{_("records.bulk.label_remove")}}</option>
      <option value="move">{{_("records.bulk.move")}}</option>
    </select></div>
    <div data-for="label_add label_remove"><label for="bulk-label">{{_("records.bulk_label")}}</label><input id="bulk-label" name="bulk_label" maxlength="80" list="known-labels"></div>
    <div data-for="move"><label for="bulk-reason">{{_("records.bulk_reason")}}</label><input id="bulk-reason" name="resolution_reason"></div>
    <div data-for="move"><label class="choice"><input type="checkbox" name="over_agreed" value="1" id="bulk-over-agreed"> <span>{{_("records.bulk_over_agreed")}}</span></label></div>
    <div><button type="submit" class="primary" id="bulk-apply">{{_("records.bulk_apply")}}</button></div>
  </div>
  <p class="meta" data-for="move">{{_("records.bulk_move_help")}}</p>
  </fieldset>
  <datalist id="known-labels">
  % for v in found['facets'].get('label', []):
    <option value="{{v['value']}}">
  % end
  </datalist>
</form>
% end
% if not page['items']:
<p class="empty">{{_("records.none")}}</p>
% else:
% status = found['status']
<table class="records">
<thead><tr>
% if is_lead:
<th scope="col" class="pick"><input type="checkbox" id="pick-page" aria-label="{{_('records.pick_page')}}" hidden></th>
% end
<th scope="col" class="title">{{_("records.field.title")}}</th><th scope="col">{{_("records.field.authors")}}</th>
<th scope="col">{{_("records.field.year")}}</th><th scope="col">{{_("records.field.journal")}}</th>
<th scope="col">{{_("records.status")}}</th><th scope="col">{{_("records.database")}}</th></tr></thead>
<tbody>
% for r in page['items']:
% st = status.get(r['id'], {})
<tr>
  % if is_lead:
  <td class="pick"><input type="checkbox" name="record_id" value="{{r['id']}}" form="bulk-form" id="pick-{{r['id']}}" aria-labelledby="title-{{r['id']}}"></td>
  % end
  <td><a data-content id="title-{{r['id']}}" href="{{url('record', project_id=project['id'], record_id=r['id'])}}">{{r['title'] or _("records.untitled")}}</a></td>
  <td><span data-content>{{'; '.join(r['authors'][:3])}}</span>{{' …' if len(r['authors']) > 3 else ''}}</td>
  <td>{{r['year'] or ''}}</td>
  <td><span data-content>{{r['journal']}}</span></td>
  <td class="status">
    % if st.get('stage'):
    <span class="stage stage-{{st['stage']}}">{{_("records.facet.stage." + st['stage'])}}</span><br>
    % end
    % if st.get('mine') and st['mine'] != 'none':
    <span class="meta">{{_("records.mine_short")}}: {{_("decision." + st['mine'])}}</span>
    % end
    % for label in st.get('labels', {}).values():
    <span class="tag" data-content>{{label}}</span>
    % end
  </td>
  <td><span data-content>{{r['database_name'] or r['file_name']}}</span></td>
</tr>
% end
</tbody>
</table>
% if page['pages'] > 1:
<nav class="pager" aria-label="{{_('records.page_of', page=page['page'], pages=page['pages'])}}">
  % if page['page'] > 1:
  <a rel="prev" href="?{{page_query(page['page'] - 1)}}">{{_("records.previous")}}</a>
  % end
  <span>{{_("records.page_of", page=page['page'], pages=page['pages'])}}</span>
  % if page['page'] < page['pages']:
  <a rel="next" href="?{{page_query(page['page'] + 1)}}">{{_("records.next")}}</a>
  % end
</nav>
% end
% end
</section>
</div>
