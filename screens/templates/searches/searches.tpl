% rebase('base.tpl')
% if results:
<section class="card error" id="import-results" role="alert">
<h2>{{_("records.results")}}</h2>
<ul>
% for r in results:
  % if 'error' in r:
  <li><strong>{{_("records.not_imported")}}:</strong> {{r['error']}}</li>
  % else:
  <li>{{_("records.result_ok", file=r['file'], n=r['record_count'])}}</li>
  % end
% end
</ul>
</section>
% end
% if imported:
<section class="card success" id="import-done" role="status">
<h2>{{_("records.imported_title")}}</h2>
<ul>
% for s in imported:
  <li>{{_("records.result_ok", file=s['file_name'], n=s['record_count'])}}{{_("records.result_warnings", w=len(s['warnings'])) if s['warnings'] else ''}}
  <a href="#search-{{s['id']}}">{{_("records.see_search", id=s['id'])}}</a></li>
% end
</ul>
</section>
% end
% if can_import:
<section class="card">
<h2>{{_("records.import_title")}}</h2>
<p class="meta">{{_("records.import_help")}}</p>
<form method="post" action="{{url('searches_upload', project_id=project['id'])}}" enctype="multipart/form-data"
      id="import-form" class="import-form" data-busy="{{_('records.importing')}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <label for="import-files">{{_("records.files")}}</label>
  <input type="file" id="import-files" name="files" multiple required>
  <div class="row">
  <div><label for="import-kind">{{_("records.source_kind")}}</label>
  <select id="import-kind" name="source_kind">
  % for kind in ('database', 'register', 'other'):
    <option value="{{kind}}" {{'selected' if values.get('source_kind', 'database') == kind else ''}}>{{_("records.kind." + kind)}}</option>
  % end
  </select></div>
  <div><label for="import-database">{{_("records.database")}}</label><input id="import-database" name="database_name" value="{{values.get('database_name', '')}}" placeholder="MEDLINE"></div>
  <div><label for="import-platform">{{_("records.platform")}}</label><input id="import-platform" name="platform" value="{{values.get('platform', '')}}" placeholder="Ovid"></div>
  <div><label for="import-date">{{_("records.searched_on")}}</label><input id="import-date" name="searched_on" type="date" value="{{values.get('searched_on', '')}}"></div>
  <div><label for="import-reported">{{_("records.reported")}}</label><input id="import-reported" name="reported_count" inputmode="numeric" value="{{values.get('reported_count', '')}}"></div>
  </div>
  <label for="import-query">{{_("records.query")}}</label>
  <textarea id="import-query" name="query" rows="4">{{values.get('query', '')}}</textarea>
  <label for="import-limits">{{_("records.limits")}}</label>
  <input id="import-limits" name="limits" value="{{values.get('limits', '')}}">
  <label class="choice"><input type="checkbox" name="force" value="1"> {{_("records.force")}}</label>
  <label class="choice"><input type="checkbox" name="skip_broken" value="1"> {{_("records.skip_broken")}}</label>
  <p><button type="submit" class="primary">{{_("records.import")}}</button></p>
  <p class="meta" id="import-progress" hidden><progress></progress> <span></span></p>
</form>
</section>
% end
<section class="card">
<h2>{{_("records.log")}}</h2>
% if not searches:
<p class="empty">{{_("records.log_empty")}}</p>
% else:
<p><a href="{{url('searches_file', project_id=project['id'], fmt='csv')}}">{{_("records.download_log")}} (CSV)</a>
 · <a href="{{url('searches_file', project_id=project['id'], fmt='xlsx')}}">XLSX</a></p>
<table class="searchlog">
<thead><tr><th scope="col">#</th><th scope="col">{{_("records.database")}}</th><th scope="col">{{_("records.searched_on")}}</th>
<th scope="col">{{_("records.query")}}</th><th scope="col">{{_("records.reported")}}</th><th scope="col">{{_("records.imported_count")}}</th>
<th scope="col">{{_("records.file")}}</th></tr></thead>
<tbody>
% for s in searches:
<tr id="search-{{s['id']}}">
  <td>{{s['id']}}</td>
  <td><span data-content>{{s['database_name'] or '—'}}</span><span data-content>{{' · ' + s['platform'] if s['platform'] else ''}}</span><br><span class="meta">{{_("records.kind." + s['source_kind'])}}</span></td>
  <td>{{fmt_date(s['searched_on']) or '—'}}</td>
  <td><pre class="query"><span data-content>{{s['query']}}</span></pre><span data-content>{{s['limits']}}</span></td>
  <td>{{fmt_number('' if s['reported_count'] is None else s['reported_count'])}}</td>
  <td><a href="{{url('records', project_id=project['id'])}}?search_id={{s['id']}}">{{fmt_number(s['record_count'])}}</a></td>
  <td><span data-content>{{s['file_name']}}</span><br><span class="meta"><span data-content>{{s['file_format']}}</span>, <span data-content>{{s['encoding']}}</span> · <time datetime="{{iso_utc(s['imported_at'])}}">{{fmt_datetime(s['imported_at'])}}</time></span>
  <br><span class="meta"><abbr title="SHA-256">{{_("records.sha256")}}</abbr> <code data-content>{{s['file_sha256'][:16]}}…</code></span>
  % if s['warnings']:
  <details><summary>{{_("records.warnings")}} ({{len(s['warnings'])}})</summary>
  <ul class="warnings">
  % for w in s['warnings']:
    <li{{!' lang="en"' if w['english'] else ''}}>{{w['text']}}</li>
  % end
  </ul></details>
  % end
  </td>
</tr>
% end
</tbody>
</table>
% end
</section>
