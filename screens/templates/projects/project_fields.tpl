% v = values
<label for="title">{{_("project.title")}}</label>
<input id="title" name="title" value="{{v.get('title', '')}}" required maxlength="300">
<label for="question">{{_("project.question")}}</label>
<textarea id="question" name="question" rows="2">{{v.get('question', '')}}</textarea>
<fieldset>
  <legend>{{_("project.review_type")}}</legend>
  % for t in ('systematic', 'scoping'):
  <label class="choice"><input type="radio" name="review_type" value="{{t}}" {{'checked' if v.get('review_type', 'systematic') == t else ''}}> {{_("project.type." + t)}}</label>
  % end
</fieldset>
<fieldset>
  <legend>{{_("project.peco")}}</legend>
  % for f in ('population', 'exposure', 'comparator', 'outcome'):
  <label for="{{f}}">{{_("project." + f)}}</label>
  <textarea id="{{f}}" name="{{f}}" rows="2">{{v.get(f, '')}}</textarea>
  % end
</fieldset>
<fieldset>
  <legend>{{_("project.criteria")}}</legend>
  % for f in ('inclusion_criteria', 'exclusion_criteria', 'highlight_include', 'highlight_exclude'):
  <label for="{{f}}">{{_("project." + f)}}</label>
  <textarea id="{{f}}" name="{{f}}" rows="3">{{v.get(f, '')}}</textarea>
  % end
</fieldset>
<fieldset>
  <legend>{{_("project.screening")}}</legend>
  <label for="reviewers_per_record">{{_("project.reviewers_per_record")}}</label>
  <select id="reviewers_per_record" name="reviewers_per_record">
    % for n in (1, 2):
    <option value="{{n}}" {{'selected' if int(v.get('reviewers_per_record', 2)) == n else ''}}>{{n}}</option>
    % end
  </select>
  <label class="choice"><input type="checkbox" name="blinded" value="1" {{'checked' if v.get('blinded', 1) else ''}}> {{_("project.blinded")}}</label>
</fieldset>
