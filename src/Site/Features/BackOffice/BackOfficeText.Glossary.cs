namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string Glossary => T("Glossary");
    public string GlossaryEntry => T("Glossary entry");
    public string GlossaryIntro => T("Terms that name the same thing in both languages, and their synonyms. Search uses them: a visitor who types one term also finds pages with the others. Separate terms with semicolons.");
    public string GlossaryFind => T("Find a term");
    public string GlossaryNewEntry => T("New entry");
    public string GlossaryAdd => T("Add to the glossary");
    public string GlossaryNone => T("No glossary entry matches.");
    public string GlossarySaved => T("The glossary entry was saved; search uses it now.");
    public string GlossaryDeleted => T("The glossary entry was deleted.");
    public string GlossaryDeleteEntry => T("Delete this entry");
    public string GlossaryHistory => T("History");
    public string GlossaryRestore => T("Restore this version");
    public string GlossaryNoHistory => T("No change has been saved here yet: the entry is as it was imported.");
    public string GlossaryRemoved => T("(deleted)");
    public string GlossaryCount(int shown, int total) => Formatted(T("{0} of {1} entries"), shown, total);

    public string GlossaryTerms(string culture) => Formatted(T("Terms in {0}"), LanguageName(culture));
}
