<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title + ' · ' if title else ''}}Sil</title>
<link rel="stylesheet" href="/static/sil.css">
<script src="/static/sil.js" defer></script>
% for script in get('scripts', []):
<script src="/static/{{script}}" defer></script>
% end
</head>
<body>
<a class="skip" href="#main">{{_("nav.skip")}}</a>
<header class="top">
  <a class="brand" href="/">Sil</a>
  % if user:
  <nav aria-label="{{_('nav.main')}}" class="topnav">
    <a href="{{url('home')}}">{{_("nav.projects")}}</a>
    % if user['is_admin']:
    <a href="{{url('admin_users')}}">{{_("nav.users")}}</a>
    % end
    <a href="{{url('password')}}">{{_("nav.account")}}: <span data-content>{{user['name']}}</span></a>
  </nav>
  % end
  <div class="topforms">
    <form method="post" action="{{url('language')}}" class="inline">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <input type="hidden" name="next" value="{{path}}">
      % other = 'nb' if lang == 'en' else 'en'
      <button type="submit" name="language" value="{{other}}" class="link" lang="{{other}}">{{_("lang." + other)}}</button>
    </form>
    % if user:
    <form method="post" action="{{url('logout')}}" class="inline">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <button type="submit" class="link">{{_("nav.logout")}}</button>
    </form>
    % end
  </div>
</header>
<main id="main" class="{{'wide' if wide else ''}}{{' inproject' if project else ''}}">
% if flash:
<p class="flash" role="status">{{flash}}</p>
% end
% if project:
<div class="projecthead">
  <p class="crumb"><a href="{{url('home')}}">{{_("nav.projects")}}</a></p>
  <h1 class="projecttitle"><a href="{{url('project', project_id=project['id'])}}"><span data-content>{{project['title']}}</span></a></h1>
</div>
<div class="projectframe">
  <nav aria-label="{{_('nav.project')}}" class="tabs">
  % for number, (label, group) in enumerate(tab_groups(tabs)):
    % if label:
    <div class="tabgroup" role="group" aria-labelledby="tabgroup-{{number}}">
      <span class="tabgroup-label" id="tabgroup-{{number}}">{{_(label)}}</span>
    % else:
    <div class="tabgroup">
    % end
    % for tab in group:
      <a href="{{url(tab['route'], project_id=project['id'])}}"{{!' aria-current="page"' if tab['route'] == active_tab else ''}}>{{_(tab['label'])}}</a>
    % end
    </div>
  % end
  </nav>
  <div class="projectbody">
{{!base}}
  </div>
</div>
% else:
{{!base}}
% end
</main>
</body>
</html>
