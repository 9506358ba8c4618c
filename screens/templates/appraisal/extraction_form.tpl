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
<h2>{{_("extraction.add_field")}}</h2>
<form method="post" action="{{url('extraction_field_post', project_id=project['id'])}}" id="field-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<label for="nf-key">{{_("extraction.field_key")}}</label><input id="nf-key" name="key" required pattern="[a-z][a-z0-9_]*">
<label for="nf-label">{{_("extraction.field_label")}}</label><input id="nf-label" name="label" required>
<label for="nf-type">{{_("extraction.field_type")}}</label><select id="nf-type" name="type">
% for t in field_types:
<option value="{{t}}">{{_("fieldtype." + t)}}</option>
% end
</select>
<label for="nf-options">{{_("extraction.field_options")}}</label><textarea id="nf-options" name="options" rows="3"></textarea>
<label for="nf-group">{{_("extraction.field_group")}}</label><select id="nf-group" name="group"><option value="">—</option>
% for g in groups:
<option value="{{g}}" data-content>{{g}}</option>
% end
</select>
<label for="nf-help">{{_("extraction.field_help")}}</label><input id="nf-help" name="help">
<button type="submit" class="primary">{{_("common.add")}}</button>
</form>
</section>
<section class="card">
<h2>{{_("extraction.codebook")}}</h2>
<table><thead><tr><th scope="col">{{_("extraction.col.key")}}</th><th scope="col">{{_("extraction.field")}}</th><th scope="col">{{_("extraction.col.type")}}</th><th scope="col">{{_("extraction.options")}}</th><th scope="col"><span class="sr-only">{{_("common.remove")}}</span></th></tr></thead>
<tbody>
% for line in codebook:
<tr><td><code data-content>{{line['key']}}</code></td><td>{{line['label']}}</td><td>{{_('fieldtype.' + line['type'])}}</td><td>{{line['options']}}</td>
<td><form method="post" action="{{url('extraction_field_remove', project_id=project['id'])}}" class="inline">
<input type="hidden" name="csrf_token" value="{{csrf}}"><input type="hidden" name="key" value="{{line['key']}}">
<button type="submit" class="link">{{_("common.remove")}}<span class="sr-only" data-content> {{line['key']}}</span></button></form></td></tr>
% end
</tbody></table>
</section>
