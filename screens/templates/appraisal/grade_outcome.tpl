% rebase('base.tpl')
<section class="card">
<h2><span data-content>{{outcome['name']}}</span> <span class="certainty">{{outcome['symbol']}} {{_('grade.certainty.' + outcome['certainty'])}}</span></h2>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form method="post" action="{{url('grade_outcome_post', project_id=project['id'], outcome_id=outcome['id'])}}" id="grade-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<label for="g-name">{{_("rob.outcome")}}</label><input id="g-name" name="name" value="{{outcome['name']}}" required>
<label for="g-importance">{{_("grade.importance")}}</label><select id="g-importance" name="importance">
% for i in importance:
<option value="{{i}}" {{'selected' if outcome['importance'] == i else ''}}>{{_("grade.importance." + i.replace(' ', '_'))}}</option>
% end
</select>
<label for="g-start">{{_("grade.start")}}</label><select id="g-start" name="start">
% for s in starts:
<option value="{{s}}" {{'selected' if outcome['start'] == s else ''}}>{{_("grade.start." + s)}}</option>
% end
</select>
<fieldset><legend>{{_("grade.studies")}}</legend>
% chosen = {s['id'] for s in outcome['studies']}
% for s in studies:
<label class="choice"><input type="checkbox" name="study" value="{{s['id']}}" {{'checked' if s['id'] in chosen else ''}}> <span data-content>{{s['label']}}</span> ({{_("design." + s['design'])}})</label>
% end
</fieldset>
<label for="g-participants">{{_("grade.participants")}}</label><input id="g-participants" name="participants" inputmode="numeric" value="{{outcome['participants'] if outcome['participants'] is not None else ''}}">
<label for="g-effect">{{_("grade.effect")}}</label><input id="g-effect" name="effect" value="{{outcome['effect']}}" placeholder="{{_('grade.effect_example')}}">
<label for="g-comments">{{_("grade.comments")}}</label><textarea id="g-comments" name="comments" rows="2">{{outcome['comments']}}</textarea>
<fieldset><legend>{{_("grade.rate_down")}}</legend>
% for f in down:
% r = outcome['ratings'].get(f, {'level': 'none', 'explanation': ''})
<label for="l-{{f}}">{{factor_labels[f]}}</label>
<select id="l-{{f}}" name="level:{{f}}">
% for level in down_levels:
<option value="{{level}}" {{'selected' if r['level'] == level else ''}}>{{_("grade.level." + level)}}</option>
% end
</select>
<label for="w-{{f}}" class="sr-only">{{_("grade.explanation")}}: {{factor_labels[f]}}</label>
<textarea id="w-{{f}}" name="why:{{f}}" rows="1" placeholder="{{_('grade.explanation')}}">{{r['explanation']}}</textarea>
% end
</fieldset>
<fieldset><legend>{{_("grade.rate_up")}}</legend>
% for f, levels in up.items():
% r = outcome['ratings'].get(f, {'level': 'none', 'explanation': ''})
<label for="l-{{f}}">{{factor_labels[f]}}</label>
<select id="l-{{f}}" name="level:{{f}}">
% for level in levels:
<option value="{{level}}" {{'selected' if r['level'] == level else ''}}>{{_("grade.level." + level)}}</option>
% end
</select>
<label for="w-{{f}}" class="sr-only">{{_("grade.explanation")}}: {{factor_labels[f]}}</label>
<textarea id="w-{{f}}" name="why:{{f}}" rows="1" placeholder="{{_('grade.explanation')}}">{{r['explanation']}}</textarea>
% end
</fieldset>
<button type="submit" class="primary">{{_("common.save")}}</button>
</form>
</section>
