% kind = field['type']
% fid = 'f-' + name.replace(':', '-').replace('.', '-')
% if kind == 'choice':
<label for="{{fid}}">{{label}}</label>
<select id="{{fid}}" name="{{name}}"><option value=""></option>
% for option in field['options']:
<option value="{{option}}" {{'selected' if value == option else ''}}>{{field.get('option_labels', {}).get(option, option)}}</option>
% end
</select>
% elif kind == 'yesno':
<label for="{{fid}}">{{label}}</label>
<select id="{{fid}}" name="{{name}}"><option value=""></option>
% for option in ('yes', 'no', 'unclear'):
<option value="{{option}}" {{'selected' if value == option else ''}}>{{_("common.answer." + option)}}</option>
% end
</select>
% elif kind == 'multi':
<fieldset><legend>{{label}}</legend>
% for i, option in enumerate(field['options']):
<label class="choice"><input type="checkbox" name="{{name}}" value="{{option}}" {{'checked' if value and option in value else ''}}> {{field.get('option_labels', {}).get(option, option)}}</label>
% end
</fieldset>
% else:
<label for="{{fid}}">{{label}}</label>
<input id="{{fid}}" name="{{name}}" value="{{'' if value is None else value}}" {{!'type="date"' if kind == 'date' else ('inputmode="decimal"' if kind == 'number' else '')}}>
% end
% if field.get('help'):
<p class="meta">{{field['help']}}</p>
% end
