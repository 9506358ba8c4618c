% ft = record['fulltext']
<div class="fulltext" id="fulltext">
  <h3>{{_("fulltext.title")}}</h3>
  % if ft['kind'] == 'uploaded':
  <p><a href="{{url('fulltext_pdf', project_id=project['id'], record_id=record['id'])}}" target="_blank" rel="noopener" id="pdf-link">{{_("fulltext.open")}}: <span data-content>{{ft['file_name']}}</span></a></p>
  <iframe class="pdf" src="{{url('fulltext_pdf', project_id=project['id'], record_id=record['id'])}}" title="{{ft['file_name']}}"></iframe>
  % elif ft['kind'] == 'not_retrieved':
  <p class="notice">{{_("fulltext.not_retrieved")}}: <span data-content>{{ft['reason']}}</span></p>
  % else:
  <p class="meta">{{_("fulltext.none")}}</p>
  % end
  <form method="post" enctype="multipart/form-data" action="{{url('fulltext_upload', project_id=project['id'], record_id=record['id'])}}" class="row" id="upload-form">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <div><label for="pdf">{{_("fulltext.upload")}}</label><input type="file" id="pdf" name="pdf" accept="application/pdf" required></div>
    <div><button type="submit">{{_("fulltext.upload_button")}}</button></div>
  </form>
  % if ft['kind'] != 'not_retrieved':
  <form method="post" action="{{url('fulltext_missing', project_id=project['id'], record_id=record['id'])}}" class="row" id="missing-form">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <div><label for="missing-reason">{{_("fulltext.missing_reason")}}</label><input id="missing-reason" name="reason" required></div>
    <div><button type="submit">{{_("fulltext.mark_missing")}}</button></div>
  </form>
  % end
</div>
