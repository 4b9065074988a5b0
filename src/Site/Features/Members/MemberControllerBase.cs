using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Features.Public;

namespace Site.Features.Members;

/// <summary>What the member controllers share: the page's language, the layout's data and the views' folder.</summary>
[AutoValidateAntiforgeryToken]
public abstract class MemberControllerBase(IPublishedSnapshotAccessor snapshots, ICurrentMemberAccessor members, IOptions<PublicSiteOptions> options) : Controller
{
    internal const string ViewRoot = "~/Features/Members/Views/";

    protected PublishedSnapshot Snapshot => snapshots.Current;

    protected MemberIdentity? CurrentMember => members.GetMember(HttpContext);

    protected Language LanguageOf(string prefix) =>
        Snapshot.Languages.FindByPrefix(prefix) ?? Snapshot.Languages.Default ?? throw new InvalidOperationException("The site has no languages.");

    protected string BaseUrl => PublicContentController.BaseUrl(Request, options.Value);

    /// <summary>Where links in mails lead: never built from the request's Host header (see <see cref="PublicOrigin"/>).</summary>
    protected string? MailOrigin => PublicOrigin.ForMail(Request, options.Value);

    protected MemberPageModel Page(string prefix, Func<MemberText, string> title, string page, string? notice = null)
    {
        var language = LanguageOf(prefix);
        return new MemberPageModel(Snapshot, language, BaseUrl, members.GetMember(HttpContext), title(MemberText.For(language.IsoCode)), page) { Notice = notice };
    }

    protected MemberFormPageModel<TForm> Form<TForm>(string prefix, Func<MemberText, string> title, string page, TForm form, IReadOnlyList<FieldError>? errors = null, string? returnUrl = null, string? intro = null)
        where TForm : class
    {
        var language = LanguageOf(prefix);
        return new MemberFormPageModel<TForm>(Snapshot, language, BaseUrl, members.GetMember(HttpContext), title(MemberText.For(language.IsoCode)), page, form, errors)
        {
            ReturnUrl = returnUrl,
            Intro = intro,
        };
    }

    protected ViewResult Show(string view, object model, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        Response.Headers.CacheControl = "no-cache, no-store";
        return View(ViewRoot + view + ".cshtml", model);
    }

    /// <summary>A form sent back with messages: what was typed stays, with a 400 status.</summary>
    protected ViewResult Invalid(string view, object model) => Show(view, model, StatusCodes.Status400BadRequest);
}
