% if error:
<p class="error" role="alert" id="screen-error">{{error}}</p>
% else:
<p class="error" role="alert" id="screen-error" hidden></p>
% end
