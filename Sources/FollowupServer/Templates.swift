import Mustache

/// The portal's HTML, as Mustache templates compiled into the binary (a copied binary needs
/// no resource folder). `{{x}}` escapes; no template uses the unescaped `{{{x}}}` form.
/// A page is `head`, a body and `foot`; the bodies of the dashboard, the lists, the unit and
/// the task pages are rendered on their own (`PortalRoutes.page`) so that they can be kept.
enum Templates {
    static func library() throws -> MustacheLibrary {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in all { templates[name] = try MustacheTemplate(string: text) }
        return MustacheLibrary(templates: templates)
    }

    static let all: [(String, String)] =
        [
            ("head", head), ("foot", foot), ("login", login), ("dashboard", dashboard), ("list", list),
            ("unit", unit), ("task", task), ("meeting", meeting), ("error", error), ("updateform", updateForm),
            ("listpage", listPage), ("account", account),
        ] + LoopTemplates.all + FilterTemplates.all + OfficeTemplates.all

    static let css = """
        body{font-family:"Segoe UI",Arial,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
        header{background:#7a1010;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
        header a{color:#fff}header .who{margin-left:auto}header form{display:inline}
        main{padding:1rem;max-width:75rem}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.5rem}
        table{border-collapse:collapse;background:#fff;margin:.5rem 0}
        th,td{border:1px solid #bbb;padding:.25rem .5rem;vertical-align:top;text-align:left}
        td.n{text-align:right}th{background:#eee}meter{width:8rem}.late{color:#b00020;font-weight:bold}
        .u{unicode-bidi:isolate;white-space:pre-wrap}.msg{border:1px solid #b00020;background:#fdecea;padding:.5rem;
        white-space:pre-wrap}.ok{border:1px solid #2e7d32;background:#e8f5e9;padding:.5rem}
        form.update{background:#fff;border:1px solid #ccc;padding:.5rem;margin:.5rem 0;white-space:normal}
        form.update label{display:inline-block;margin:.2rem .5rem .2rem 0}
        ol.timeline li{margin:.3rem 0}nav.pages a{margin-right:.5rem}
        @media print{header form,form.update,nav.pages,.noprint{display:none}body{background:#fff}}
        main{overflow-wrap:break-word}h1,.u{overflow-wrap:anywhere}
        .figures{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}.figure{background:#fff;border:1px solid #bbb;
        padding:.4rem .7rem;min-width:8.5rem}.figure b{display:block;font-size:1.5rem}.figure small{color:#555}
        form.wide label{display:block;margin:.4rem 0}form.wide label>select,form.wide label>textarea,\
        form.wide label>input:not([type=checkbox]){display:block;margin-top:.15rem}
        textarea{font:inherit}td.id{white-space:nowrap}
        form.wide textarea,form.wide input:not([type=checkbox]),\
        form.wide select{width:100%;max-width:48rem;box-sizing:border-box}
        fieldset.row{margin:.5rem 0;background:#fafafa}
        pre.summary{white-space:pre-wrap;background:#fff;border:1px solid #ccc;padding:.5rem}
        details.acct{border-top:1px solid #ccc;padding:.2rem 0}details.acct summary{cursor:pointer;padding:.6rem 0}
        ul.tiles li{margin:.6rem 0;font-size:1.1rem}
        form.filters{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:flex-end;margin:.5rem 0}
        form.filters fieldset{border:1px solid #ccc;padding:.1rem .4rem;margin:0}fieldset{min-width:0}
        details.filters summary{cursor:pointer;padding:.5rem 0;font-weight:bold}
        .cols{display:flex;flex-wrap:wrap;gap:1.5rem}.cols>section{flex:1 1 20rem}
        @media (max-width:700px){main{padding:.5rem}
        table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}
        table.cards thead{display:none}
        table.cards tr{border:1px solid #bbb;margin:.6rem 0;background:#fff;padding:.3rem}
        table.cards td{border:none;padding:.15rem .3rem;text-align:left}
        table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:bold}
        button,select,input:not([type=checkbox]){min-height:44px;font-size:1rem;max-width:100%;box-sizing:border-box}
        form.update input[name=note]{width:100%}form.update label{display:block}
        form.filters>label,form.filters>fieldset{flex:1 1 100%;min-width:0}form.filters select{width:100%}
        header{padding:.4rem .6rem}nav.pages a{display:inline-block;padding:.6rem .3rem}
        .figure{flex:1 1 40%;min-width:0}}
        """

    static let head = """
        <!DOCTYPE html>
        <html lang="{{lang}}"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · followup</title><link rel="stylesheet" href="/static/style.css"></head>
        <body><header><strong><a href="/">{{words.app}}</a></strong>
        {{#account}}<a href="/tasks">{{words.find}}</a>{{#office}}<a href="/office">{{.}}</a>{{/office}}\
        {{#review}}<a href="/review">{{.}}</a>{{/review}}<a class="who" href="/account">{{name}} \
        ({{roleLabel}}{{#unit}} · {{.}}{{/unit}})</a>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">{{words.logout}}</button></form>{{/account}}
        <a href="?{{otherLangQuery}}">{{otherLang}}</a></header><main>
        {{#flash}}<p class="ok">{{.}}</p>{{/flash}}{{#problem}}<p class="msg" role="alert">{{.}}</p>{{/problem}}
        """

    static let foot = "</main></body></html>\n"

    static let login = """
        {{> head}}<h1>{{words.login}}</h1>
        <form method="post" action="/login"><input type="hidden" name="csrf" value="{{loginCSRF}}">
        <input type="hidden" name="next" value="{{next}}">
        <p><label>{{words.account}} <input name="name" autocomplete="username" required autofocus></label></p>
        <p><label>{{words.password}}
        <input name="password" type="password" autocomplete="current-password" required></label></p>
        <p><button type="submit">{{words.login}}</button></p></form>{{> foot}}
        """

    static let dashboard = """
        <h1>{{heading}}</h1>
        <form method="get" action="/" class="noprint"><label>{{words.asOf}}
        <input type="date" name="as_of" value="{{asOfISO}}"></label><input type="hidden" name="lang" value="{{lang}}">
        <button type="submit">{{words.show}}</button>
        · <a href="/digest.html?as_of={{asOfISO}}&amp;lang={{lang}}">HTML</a>
        · <a href="/digest.csv?as_of={{asOfISO}}&amp;lang={{lang}}">CSV</a>
        · <a href="/digest.json?as_of={{asOfISO}}">JSON</a>
        · <a href="/digest.docx?as_of={{asOfISO}}&amp;lang={{lang}}">Word</a>
        · <a href="/digest.xlsx?as_of={{asOfISO}}&amp;lang={{lang}}">Excel</a></form>
        {{#recordErrors}}<p class="msg">{{.}}</p>{{/recordErrors}}
        <section class="figures">{{#figures}}<div class="figure"><small>{{label}}</small><b>{{value}}</b>\
        <small>{{change}}</small></div>{{/figures}}</section>
        <div class="cols"><section><h2>{{words.worstUnits}}</h2>{{#hasWorst}}<ol>{{/hasWorst}}\
        {{#worstUnits}}<li><a href="/units/{{href}}?as_of={{asOfISO}}">{{code}}</a> {{name}}: \
        <span class="late">{{overdue}}</span></li>{{/worstUnits}}{{#hasWorst}}</ol>{{/hasWorst}}\
        {{^hasWorst}}<p>{{words.none}}</p>{{/hasWorst}}</section>
        <section><h2>{{words.oldestOverdue}}</h2>{{#oldest}}{{> list}}{{/oldest}}</section></div>
        <h2>{{words.byUnit}}</h2><p class="noprint"><small>{{words.gridNote}}</small></p>
        <table class="cards"><thead><tr><th>{{words.unit}}</th><th>{{words.tasks}}</th><th>{{words.doneOnTime}}</th>
        <th>{{words.doneLate}}</th><th>{{words.withinDeadline}}</th><th>{{words.overdue}}</th><th>{{words.ongoing}}</th>
        <th>{{words.notStarted}}</th><th>{{words.blocked}}</th><th>{{words.onTimeRate}}</th>\
        <th>{{words.doneShare}}</th>\
        </tr></thead><tbody>
        {{#rows}}<tr><td>{{#code}}<a href="/units/{{href}}?as_of={{asOfISO}}">{{code}}</a> {{/code}}{{name}}</td><td \
        class="n" data-label="{{words.tasks}}">{{tasks}}</td>
        <td class="n" data-label="{{words.doneOnTime}}">{{doneOnTime}} ({{doneOnTimePct}})</td>
        <td class="n" data-label="{{words.doneLate}}">{{doneLate}} ({{doneLatePct}})</td>
        <td class="n" data-label="{{words.withinDeadline}}">{{withinDeadline}} ({{withinDeadlinePct}})</td>
        <td class="n" data-label="{{words.overdue}}">{{overdue}} ({{overduePct}})</td>
        <td class="n" data-label="{{words.ongoing}}">{{ongoing}}</td>
        <td class="n" data-label="{{words.notStarted}}">{{notStarted}}</td>
        <td class="n" data-label="{{words.blocked}}">{{blocked}}</td>
        <td class="n" data-label="{{words.onTimeRate}}">{{onTimeRate}}</td>
        <td data-label="{{words.doneShare}}"><meter min="0" max="100" value="{{doneWidth}}">{{donePct}}</meter> \
        {{donePct}}</td></tr>{{/rows}}
        </tbody></table>
        {{#lists}}<h2>{{title}} ({{count}})</h2>{{> list}}
        {{#more}}<p><a href="/lists/{{kind}}?as_of={{asOfISO}}&amp;lang={{lang}}">{{words.all}} \
        ({{count}})</a></p>{{/more}}
        {{/lists}}
        """

    static let list = """
        {{#hasItems}}<table class="cards"><thead><tr><th>{{words.task}}</th><th>{{words.unit}}</th>\
        <th>{{words.deadline}}</th>
        <th>{{words.state}}</th><th>{{words.lastReport}}</th><th>{{words.conclusion}}</th></tr></thead><tbody>
        {{#items}}<tr><td><a href="/tasks/{{href}}" title="{{id}}">{{short}}</a></td>\
        <td data-label="{{words.unit}}"><a href="/units/{{unitHref}}">{{unit}}</a></td>
        <td data-label="{{words.deadline}}">{{due}}{{#originalDue}} ({{words.originally}} {{.}}){{/originalDue}}</td>
        <td data-label="{{words.state}}">{{state}}{{#daysOverdue}} <span class="late">{{.}}</span>{{/daysOverdue}}</td>
        <td data-label="{{words.lastReport}}">{{lastUpdate}}</td><td class="u">{{text}}</td></tr>{{/items}}\
        </tbody></table>{{/hasItems}}
        {{^hasItems}}<p>{{words.none}}</p>{{/hasItems}}
        """

    static let listPage = """
        <h1>{{heading}}</h1>
        {{#filter}}{{> filterform}}{{/filter}}<p><a href="{{xlsx}}">{{words.downloadXlsx}}</a></p>
        {{#list}}{{> list}}{{/list}}
        <nav class="pages">{{#previous}}<a href="{{.}}">← {{words.previous}}</a>{{/previous}}
        {{pageLabel}}{{#next}} <a href="{{.}}">{{words.next}} →</a>{{/next}}</nav>
        """

    static let unit = """
        <h1>{{heading}}</h1><p><a href="/?as_of={{asOfISO}}">{{words.dashboard}}</a> · \
        <a href="{{xlsx}}">{{words.downloadXlsx}}</a> · <a href="{{letter}}">{{words.downloadLetter}}</a></p>
        {{#filter}}{{> filterform}}{{/filter}}
        {{#hasTasks}}<table class="cards"><thead><tr><th>{{words.task}}</th><th>{{words.deadline}}</th>\
        <th>{{words.state}}</th>
        <th>{{words.lastReport}}</th><th>{{words.conclusion}}</th></tr></thead><tbody>
        {{#tasks}}<tr><td><a href="/tasks/{{href}}" title="{{id}}">{{short}}</a></td>\
        <td data-label="{{words.deadline}}">{{due}}</td>
        <td data-label="{{words.state}}">{{state}}{{#daysOverdue}} <span class="late">{{.}}</span>{{/daysOverdue}}\
        {{> reviewstate}}</td>
        <td data-label="{{words.lastReport}}">{{#last}}{{date}} · {{status}}{{#note}}: <span \
        class="u">{{.}}</span>{{/note}}{{/last}}{{#reminded}}<br><small>{{.}}</small>{{/reminded}}</td>
        <td class="u">{{text}}{{#form}}{{> updateform}}{{/form}}</td></tr>{{/tasks}}</tbody></table>{{/hasTasks}}
        {{^hasTasks}}<p>{{words.none}}</p>{{/hasTasks}}{{> supported}}
        {{#pageLabel}}<nav class="pages">{{#previous}}<a href="{{.}}">← {{words.previous}}</a>{{/previous}}
        {{pageLabel}}{{#next}} <a href="{{.}}">{{words.next}} →</a>{{/next}}</nav>{{/pageLabel}}
        """

    static let updateForm = """
        <form class="update" method="post" action="/tasks/{{href}}/\
        {{#files}}report" enctype="multipart/form-data{{/files}}{{^files}}updates{{/files}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="back" value="{{back}}">
        <strong>{{heading}}</strong><br>{{#problem}}<p class="msg" role="alert">{{.}}</p>{{/problem}}
        {{#hasStatuses}}<label>{{words.status}} <select name="status">{{#statuses}}
        <option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select>\
        </label>{{/hasStatuses}}
        {{#extend}}<label>{{words.newDeadline}} <input type="date" name="due" value="{{keptDue}}" required>\
        </label>{{/extend}}
        {{#reminder}}<input type="hidden" name="reminder" value="true">{{/reminder}}\
        {{#part}}<input type="hidden" name="part" value="true">{{/part}}
        {{^reminder}}<label>{{words.note}} <input name="note" size="40" value="{{keptNote}}"\
        {{#noteRequired}} required{{/noteRequired}}></label>{{/reminder}}
        <label>{{words.date}}
        <input type="date" name="date" value="{{today}}" max="{{maxDate}}" min="{{meetingDate}}"></label>
        <label>{{words.document}} <input name="document" size="14" value="{{keptDocument}}"></label>\
        {{#files}}<label>{{words.files}} <input type="file" name="files" multiple \
        accept=".pdf,.docx,.xlsx,.odt,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"></label>{{/files}}
        {{#byUnit}}<label>{{words.by}} <select name="by"><option value="">–</option>{{#byUnits}}\
        <option>{{.}}</option>{{/byUnits}}</select></label>{{/byUnit}}
        {{#reopen}}<label><input type="checkbox" name="reopen" value="true"> {{words.reopen}}</label>{{/reopen}}
        <button type="submit">{{words.send}}</button></form>
        """

    static let task = """
        <h1>{{words.task}} {{short}}</h1>
        <table><tr><th>{{words.task}}</th><td class="u">{{id}}</td></tr>
        <tr><th>{{words.conclusion}}</th><td class="u">{{text}}</td></tr>
        <tr><th>{{words.meeting}}</th>
        <td><a href="/meetings/{{meetingHref}}">{{meetingTitle}}</a> ({{meetingDate}})</td></tr>
        <tr><th>{{words.lead}}</th><td><a href="/units/{{unitHref}}">{{unit}}</a> {{unitName}}</td></tr>
        <tr><th>{{words.support}}</th><td>{{support}}</td></tr>
        <tr><th>{{words.deadline}}</th><td>{{due}}</td></tr>
        <tr><th>{{words.originalDeadline}}</th><td>{{originalDue}}</td></tr>
        <tr><th>{{words.state}}</th><td>{{state}}{{#daysOverdue}} <span \
        class="late">{{.}}</span>{{/daysOverdue}}{{> reviewstate}}</td></tr>
        <tr><th>{{words.lastReport}}</th><td>{{lastReport}}</td></tr>
        </table><h2>{{words.history}}</h2>
        {{#hasHistory}}<ol class="timeline">{{#history}}<li><strong>{{date}}</strong> {{what}}
        {{#by}} · {{.}}{{/by}}
        {{#document}} · {{words.document}} {{.}}{{/document}}{{#files}} · <a href="/{{href}}" \
        download>{{name}}</a>{{/files}}{{#note}}<br><span class="u">{{.}}</span>{{/note}}
        </li>{{/history}}</ol>{{/hasHistory}}
        {{^hasHistory}}<p>{{words.noHistory}}</p>{{/hasHistory}}
        {{#forms}}{{> updateform}}{{/forms}}
        """

    static let meeting = """
        {{> head}}<h1 class="u">{{title}}</h1><table>
        <tr><th>{{words.date}}</th><td>{{date}}</td></tr>{{#document}}<tr><th>{{words.document}}</th><td>{{.}}</td>
        </tr>{{/document}}
        <tr><th>{{words.chair}}</th><td class="u">{{chair}}</td></tr>
        {{#place}}<tr><th>{{words.place}}</th><td class="u">{{.}}</td></tr>{{/place}}
        <tr><th>{{words.attendees}}</th><td><ul>{{#attendees}}<li \
        class="u">{{.}}</li>{{/attendees}}</ul></td></tr></table>
        {{#summary}}<p class="u">{{.}}</p>{{/summary}}<h2>{{words.conclusions}}</h2><ol>
        {{#conclusions}}<li><span class="u">{{text}}</span><ul>{{#tasks}}<li><a href="/tasks/{{href}}">{{id}}</a> ·
        {{unit}} · {{due}} · {{status}}</li>{{/tasks}}</ul></li>{{/conclusions}}</ol>{{> foot}}
        """

    static let account = """
        {{> head}}<h1>{{words.account}} {{#account}}{{name}}{{/account}}</h1><h2>{{words.changePassword}}</h2>
        <form class="update" method="post" action="/account/password">\
        <input type="hidden" name="csrf" value="{{#account}}{{csrf}}{{/account}}">
        {{#passwordProblem}}<p class="msg" role="alert">{{.}}</p>{{/passwordProblem}}
        <label>{{words.currentPassword}} <input type="password" name="current" autocomplete="current-password" \
        required></label>
        <label>{{words.newPassword}} <input type="password" name="new" autocomplete="new-password" minlength="8" \
        required></label>
        <label>{{words.repeatPassword}} <input type="password" name="repeated" autocomplete="new-password" \
        minlength="8" required></label>
        <button type="submit">{{words.send}}</button></form>{{> foot}}
        """

    static let error = """
        {{> head}}<h1>{{heading}}</h1><p><a href="/">{{words.dashboard}}</a>\
        {{#account}}{{#unit}} · <a href="/units/{{.}}">{{words.yourUnit}}</a>{{/unit}}{{/account}}\
        {{^account}} · <a href="/login">{{words.login}}</a>{{/account}}</p>{{> foot}}
        """
}
