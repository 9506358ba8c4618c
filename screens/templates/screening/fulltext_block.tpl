% ft = record['fulltext']
% kind = ft['kind']
% pdf_url = url('fulltext_pdf', project_id=project['id'], record_id=record['id'])
% # Every state is here, those not in force hidden: the page's script shows the next record's by setting text only.
<div class="fulltext" id="fulltext" data-kind="{{kind}}">
  <h3>{{_("fulltext.title")}}</h3>
  <div id="ft-uploaded"{{!'' if kind == 'uploaded' else ' hidden'}}>
  <p><a href="{{pdf_url}}" target="_blank" rel="noopener" id="pdf-link">{{_("fulltext.open")}}: <span data-content id="pdf-name">{{ft['file_name']}}</span></a></p>
  % if kind == 'uploaded':
  <iframe class="pdf" src="{{pdf_url}}" title="{{ft['file_name']}}"></iframe>
  % end
  </div>
  <p class="notice" id="ft-not-retrieved"{{!'' if kind == 'not_retrieved' else ' hidden'}}>{{_("fulltext.not_retrieved")}}: <span data-content id="ft-reason">{{ft['reason']}}</span></p>
  <p class="meta" id="ft-none"{{!'' if kind == 'none' else ' hidden'}}>{{_("fulltext.none")}}</p>
  <form method="post" enctype="multipart/form-data" action="{{url('fulltext_upload', project_id=project['id'], record_id=record['id'])}}" class="row" id="upload-form">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <div><label for="pdf">{{_("fulltext.upload")}}</label><input type="file" id="pdf" name="pdf" accept="application/pdf" required></div>
    <div><button type="submit">{{_("fulltext.upload_button")}}</button></div>
  </form>
  <form method="post" action="{{url('fulltext_missing', project_id=project['id'], record_id=record['id'])}}" class="row" id="missing-form"{{!' hidden' if kind == 'not_retrieved' else ''}}>
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <div><label for="missing-reason">{{_("fulltext.missing_reason")}}</label><input id="missing-reason" name="reason" required></div>
    <div><button type="submit">{{_("fulltext.mark_missing")}}</button></div>
  </form>
</div>
