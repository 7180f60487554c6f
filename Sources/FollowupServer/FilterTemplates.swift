/// The templates of the filters and the task search (#27), beside `Templates`.
enum FilterTemplates {
    static let all: [(String, String)] = [("filterform", filterForm), ("taskspage", tasksPage)]

    /// The filter form of a list, a unit page or the search (`PageFilter.form` makes its model);
    /// a GET form, so a filtered page is a link that can be kept and sent.
    static let filterForm = """
        <details class="filters noprint"{{#open}} open{{/open}}><summary>{{words.filters}}\
        {{#filtered}}: <span class="u">{{using}}</span>{{/filtered}}</summary>
        <form method="get" action="{{action}}" class="filters">
        <label>{{words.asOf}} <input type="date" name="as_of" value="{{asOfISO}}"></label>
        {{#unitChoice}}<label>{{words.unit}} <select name="unit"><option value="">{{words.allUnits}}</option>\
        {{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} · {{name}}</option>{{/units}}\
        </select></label>{{/unitChoice}}
        {{#stateChoice}}<label>{{words.state}} <select name="state"><option value="">{{words.allStates}}</option>\
        {{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}\
        </select></label>{{/stateChoice}}
        <label>{{words.chair}} <select name="chair"><option value="">{{words.allChairs}}</option>{{#chairs}}\
        <option{{#selected}} selected{{/selected}}>{{name}}</option>{{/chairs}}</select></label>
        <fieldset><legend>{{words.meetingDates}}</legend><label>{{words.from}} \
        <input type="date" name="from" value="{{from}}"></label> <label>{{words.to}} \
        <input type="date" name="to" value="{{to}}"></label></fieldset>
        <fieldset><legend>{{words.deadline}}</legend><label>{{words.from}} \
        <input type="date" name="due_from" value="{{dueFrom}}"></label> <label>{{words.to}} \
        <input type="date" name="due_to" value="{{dueTo}}"></label></fieldset>
        <label>{{words.search}} <input name="q" value="{{q}}" size="24"></label>
        <button type="submit">{{words.show}}</button>{{#filtered}} <a href="{{clear}}">{{words.clear}}</a>{{/filtered}}\
        </form></details>
        """

    static let tasksPage = """
        {{> head}}<h1>{{heading}}</h1>
        {{#filter}}{{> filterform}}{{/filter}}
        <p>{{count}} · <a href="{{xlsx}}">{{words.downloadXlsx}}</a></p>
        {{#hasRows}}<table class="cards"><thead><tr><th>{{words.task}}</th><th>{{words.unit}}</th>\
        <th>{{words.meeting}}</th><th>{{words.deadline}}</th><th>{{words.state}}</th><th>{{words.conclusion}}</th>\
        </tr></thead><tbody>
        {{#rows}}<tr><td class="id"><a href="/tasks/{{href}}" title="{{id}}">{{short}}</a></td>\
        <td data-label="{{words.unit}}"><a href="/units/{{unitHref}}">{{unit}}</a></td>\
        <td data-label="{{words.meeting}}"><a href="/meetings/{{meetingHref}}">{{meetingDate}}</a></td>\
        <td data-label="{{words.deadline}}">{{due}}</td><td data-label="{{words.state}}">{{state}}</td>\
        <td class="u">{{text}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}
        {{^hasRows}}<p>{{words.none}}</p>{{/hasRows}}
        <nav class="pages">{{#previous}}<a href="{{.}}">← {{words.previous}}</a>{{/previous}}
        {{pageLabel}}{{#next}} <a href="{{.}}">{{words.next}} →</a>{{/next}}</nav>{{> foot}}
        """
}
