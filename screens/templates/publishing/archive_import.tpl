% rebase('base.tpl')
<section class="card" aria-labelledby="import-heading">
<p class="crumb"><a href="{{url('home')}}">{{_("nav.projects")}}</a></p>
<h1 id="import-heading">{{_("exports.import_title")}}</h1>
<p>{{_("exports.import_help")}}</p>
% if user['is_admin']:
<p class="meta">{{_("exports.import_admin")}}</p>
% else:
<p class="meta">{{_("exports.import_member")}}</p>
% end
% if error:
<p class="error" role="alert" id="import-error">{{error}}</p>
% end
<form method="post" action="{{url('project_import_post')}}" enctype="multipart/form-data" id="archive-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<label for="archive-file">{{_("exports.archive_file")}}</label>
<input id="archive-file" name="archive" type="file" accept=".zip,application/zip" required aria-describedby="archive-limit">
<p class="meta" id="archive-limit">{{_("exports.import_limit", mb=limit_mb)}}</p>
<button type="submit" class="primary">{{_("exports.import")}}</button>
</form>
</section>
