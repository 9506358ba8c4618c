% rebase('base.tpl')
<article class="card record">
<h2><span data-content>{{record['title'] or _("records.untitled")}}</span></h2>
<dl class="fields">
% for name in fields:
  % if name == 'title':
  %   continue
  % end
  % value = record.get(name)
  % if name == 'pages':
  %   value = '-'.join(p for p in (record['pages_start'], record['pages_end']) if p)
  % elif name in ('authors', 'keywords'):
  %   value = '; '.join(value)
  % end
  % if value not in (None, ''):
  <dt>{{_("records.field." + name)}}</dt>
  % if name == 'abstract':
  <dd class="abstract">
  % for para in str(value).split('\n'):
    <p><span data-content>{{para}}</span></p>
  % end
  </dd>
  % elif name == 'doi':
  <dd><a href="https://doi.org/{{value}}" rel="noopener noreferrer"><span data-content>{{value}}</span></a></dd>
  % elif name == 'url' and str(value).startswith(('http://', 'https://')):
  <dd><a href="{{value}}" rel="noopener noreferrer"><span data-content>{{value}}</span></a></dd>
  % else:
  <dd><span data-content>{{value}}</span></dd>
  % end
  % end
% end
</dl>
</article>
<section class="card">
<h2>{{_("records.source")}}</h2>
% s = record['search']
<p>{{_("records.position", n=record['position'], file=s['file_name'])}} ·
<a href="{{url('searches', project_id=project['id'])}}#search-{{s['id']}}">#{{s['id']}} <span data-content>{{s['database_name']}}</span><span data-content>{{' · ' + s['platform'] if s['platform'] else ''}}</span></a>
{{' · ' + fmt_date(s['searched_on']) if s['searched_on'] else ''}} · <span data-content>{{s['file_format']}}</span></p>
% if record['extra']:
<h3>{{_("records.other_fields")}}</h3>
<dl class="fields extra">
% for tag, values in record['extra'].items():
  <dt><code><span data-content>{{tag}}</span></code></dt>
  % for v in values:
  <dd><span data-content>{{v}}</span></dd>
  % end
% end
</dl>
% end
<details><summary>{{_("records.raw")}}</summary>
<pre class="raw"><span data-content>{{record['raw']}}</span></pre>
</details>
</section>
