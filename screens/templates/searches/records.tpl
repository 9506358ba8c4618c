% rebase('base.tpl')
<section class="card">
<h2>{{_("records.records")}}</h2>
<form method="get" action="{{url('records', project_id=project['id'])}}" class="row" id="records-filter" role="search">
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
<p class="meta" role="status">{{_("records.found", n=page['total'], total=counts['total'])}}
% sid = filters.get('search_id', '')
 · <a href="{{url('records_file', project_id=project['id'], fmt='csv')}}{{'?search_id=' + sid if sid else ''}}">{{_("records.download")}} (CSV)</a>
 · <a href="{{url('records_file', project_id=project['id'], fmt='ris')}}{{'?search_id=' + sid if sid else ''}}">RIS</a></p>
% if not page['items']:
<p class="empty">{{_("records.none")}}</p>
% else:
<table class="records">
<thead><tr><th scope="col">{{_("records.field.title")}}</th><th scope="col">{{_("records.field.authors")}}</th>
<th scope="col">{{_("records.field.year")}}</th><th scope="col">{{_("records.field.journal")}}</th><th scope="col">{{_("records.database")}}</th></tr></thead>
<tbody>
% for r in page['items']:
<tr>
  <td><a data-content href="{{url('record', project_id=project['id'], record_id=r['id'])}}">{{r['title'] or _("records.untitled")}}</a></td>
  <td><span data-content>{{'; '.join(r['authors'][:3])}}</span>{{' …' if len(r['authors']) > 3 else ''}}</td>
  <td>{{r['year'] or ''}}</td>
  <td><span data-content>{{r['journal']}}</span></td>
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
