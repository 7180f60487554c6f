/// The templates of the office's pages (#27): a new meeting, a notice and its draft, accounts.
enum OfficeTemplates {
    static let all: [(String, String)] = [
        ("officeindex", index), ("meetingform", meetingForm), ("noticeform", noticeForm), ("draft", draft),
        ("accounts", accounts),
    ]

    static let csrf = """
        <input type="hidden" name="csrf" value="{{#account}}{{csrf}}{{/account}}">
        """

    static let index = """
        {{> head}}<h1>{{heading}}</h1><ul class="tiles">
        <li><a href="/office/meetings/new">{{words.newMeeting}}</a></li>
        <li><a href="/office/notices">{{words.importNotice}}</a></li>
        <li><a href="/office/accounts">{{words.accounts}}</a></li>
        <li><a href="/review">{{words.awaitingReview}}</a></li></ul>{{> foot}}
        """

    static let meetingForm = """
        {{> head}}<h1>{{words.newMeeting}}</h1>
        {{#general}}<p class="msg" role="alert">{{.}}</p>{{/general}}
        <form class="update wide" method="post" action="/office/meetings/new">\(csrf)
        <label>{{words.template}} <select name="template">{{#templates}}<option value="{{name}}"\
        {{#selected}} selected{{/selected}}>{{name}} · {{description}}</option>{{/templates}}</select></label>
        {{#problems.template}}<p class="msg" role="alert">{{.}}</p>{{/problems.template}}
        <label>{{words.meetingTitle}} <input name="title" value="{{titleValue}}" required></label>
        {{#problems.title}}<p class="msg" role="alert">{{.}}</p>{{/problems.title}}
        <label>{{words.meetingDay}} <input type="date" name="date" value="{{date}}" required></label>
        {{#problems.date}}<p class="msg" role="alert">{{.}}</p>{{/problems.date}}
        <label>{{words.noticeNumber}} <input name="document" value="{{document}}" placeholder="45/TB-UBND"></label>
        <label>{{words.chair}} <input name="chair" value="{{chair}}" required></label>
        {{#problems.chair}}<p class="msg" role="alert">{{.}}</p>{{/problems.chair}}
        <label>{{words.place}} <input name="place" value="{{place}}"></label>
        <h2>{{words.conclusions}}</h2>
        {{#rows}}<fieldset class="row"><legend>{{words.conclusions}} {{n}}</legend>
        {{#problems}}<p class="msg" role="alert">{{.}}</p>{{/problems}}
        <label>{{words.conclusion}} <textarea name="rows[r{{i}}][text]" rows="3">{{text}}</textarea></label>
        <label>{{words.lead}} <select name="rows[r{{i}}][owner]"><option value="">–</option>{{#units}}\
        <option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} · {{name}}</option>{{/units}}\
        </select></label>
        <label>{{words.support}} <input name="rows[r{{i}}][support]" value="{{support}}" placeholder="TCKH, VP"></label>
        <label>{{words.deadline}} <input type="date" name="rows[r{{i}}][due]" value="{{due}}"></label>
        <label><input type="checkbox" name="rows[r{{i}}][ongoing]" value="1"{{#ongoing}} checked{{/ongoing}}> \
        {{words.ongoing}}</label></fieldset>{{/rows}}
        <p><button type="submit" name="more" value="1">{{words.moreRows}}</button>
        <button type="submit">{{words.createMeeting}}</button></p></form>{{> foot}}
        """

    static let noticeForm = """
        {{> head}}<h1>{{words.importNotice}}</h1><p>{{words.importHelp}}</p>
        <form class="update" method="post" action="/office/notices" enctype="multipart/form-data">\
        <input type="hidden" name="csrf" value="{{csrfToken}}">
        {{#uploadProblem}}<p class="msg" role="alert">{{.}}</p>{{/uploadProblem}}
        <label>{{words.noticeFile}} <input type="file" name="file" accept=".txt,.docx,.pdf" required></label>
        <label>{{words.yearHint}} <input type="date" name="date"></label>
        <button type="submit">{{words.read}}</button></form>{{> foot}}
        """

    static let draft = """
        {{> head}}<h1>{{words.draft}}</h1><p>{{words.draftHelp}}</p>
        {{#summary}}<pre class="summary">{{.}}</pre>{{/summary}}
        <form class="update wide" method="post" action="/office/notices/save">\(csrf)
        {{#hasProblems}}<div class="msg" role="alert"><ul>{{#draftProblems}}<li>{{.}}</li>{{/draftProblems}}</ul>\
        </div>{{/hasProblems}}
        <label>{{words.record}} <textarea name="text" rows="30" spellcheck="false">{{text}}</textarea></label>
        <button type="submit">{{words.saveRecord}}</button></form>{{> foot}}
        """

    static let accounts = """
        {{> head}}<h1>{{words.accounts}}</h1>
        {{#add}}<details class="acct"{{#problem}} open{{/problem}}><summary>{{words.addAccount}}</summary>
        {{#problem}}<p class="msg" role="alert">{{.}}</p>{{/problem}}
        <form class="update" method="post" action="/office/accounts">\(csrf)
        <label>{{words.accountName}} <input name="name" value="{{name}}" required></label>
        <label>{{words.role}} <select name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected\
        {{/selected}}>{{label}}</option>{{/roles}}</select></label>
        <label>{{words.unit}} <select name="unit"><option value="">–</option>{{#units}}<option value="{{code}}"\
        {{#selected}} selected{{/selected}}>{{code}} · {{name}}</option>{{/units}}</select></label>
        <label>{{words.chairPerson}} <input name="chair" value="{{chair}}"></label>
        <label>{{words.password}} <input type="password" name="password" autocomplete="new-password" minlength="8" \
        required></label>
        <label>{{words.repeatPassword}} <input type="password" name="repeated" autocomplete="new-password" \
        minlength="8" required></label>
        <button type="submit">{{words.add}}</button></form></details>{{/add}}
        <h2>{{words.accounts}}</h2>
        {{#accounts}}<details class="acct"{{#problem}} open{{/problem}}><summary>{{name}} <small>({{roleLabel}}\
        {{#unit}} · {{.}}{{/unit}}{{#disabled}} · {{words.disabledLabel}}{{/disabled}})</small></summary>
        {{#problem}}<p class="msg" role="alert">{{.}}</p>{{/problem}}
        <form class="update" method="post" action="/office/accounts/{{href}}">\(csrf)
        <label>{{words.role}} <select name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected\
        {{/selected}}>{{label}}</option>{{/roles}}</select></label>
        <label>{{words.unit}} <select name="unit"><option value="">–</option>{{#units}}<option value="{{code}}"\
        {{#selected}} selected{{/selected}}>{{code}} · {{name}}</option>{{/units}}</select></label>
        <label>{{words.chairPerson}} <input name="chair" value="{{chair}}"></label>
        <label><input type="checkbox" name="disabled" value="1"{{#disabled}} checked{{/disabled}}> \
        {{words.disable}}</label>
        <button type="submit">{{words.save}}</button></form>
        <form class="update" method="post" action="/office/accounts/{{href}}/password">\(csrf)
        <label>{{words.newPassword}} <input type="password" name="password" autocomplete="new-password" \
        minlength="8" required></label>
        <label>{{words.repeatPassword}} <input type="password" name="repeated" autocomplete="new-password" \
        minlength="8" required></label>
        <button type="submit">{{words.resetPassword}}</button></form></details>{{/accounts}}{{> foot}}
        """
}
