% rebase('base.tpl')
<section class="card error" role="alert">
<h1>{{title}}</h1>
<p>{{message}}</p>
<p><a href="/">{{_("error.home")}}</a></p>
</section>
