% rebase('base.tpl')
<section class="card">
<h2>{{_("extraction.form_design")}}: {{form_name}}</h2>
<p>{{_("extraction.form_help")}}</p>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form method="post" action="{{url('extraction_form_post', project_id=project['id'])}}" id="design-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<label for="form-json">{{_("extraction.form_json")}}</label>
<textarea id="form-json" name="definition" rows="30" spellcheck="false">{{definition}}</textarea>
<button type="submit" class="primary">{{_("common.save")}}</button>
</form>
</section>
<section class="card">
<h2>{{_("extraction.codebook")}}</h2>
<table><thead><tr><th scope="col">key</th><th scope="col">{{_("extraction.field")}}</th><th scope="col">type</th><th scope="col">{{_("extraction.options")}}</th></tr></thead>
<tbody>
% for line in codebook:
<tr><td><code>{{line['key']}}</code></td><td>{{line['label']}}</td><td>{{line['type']}}</td><td>{{line['options']}}</td></tr>
% end
</tbody></table>
</section>
