using Site.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Site.Core.Users;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Features.Public;

namespace Site.Features.BackOffice;

/// <summary>What the back-office screens share: the editor's language, their account, the views' folder, no caching.</summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = BackOfficeAuthentication.ScreensPolicy)]
public abstract class BackOfficeControllerBase : Controller
{
    internal const string ViewRoot = "~/Features/BackOffice/Views/";

    protected UserProfile? CurrentUser => HttpContext.CurrentUser();

    /// <summary>The signed-in editor; the policy guarantees one on every authorized action.</summary>
    protected UserProfile Editor => CurrentUser ?? throw new InvalidOperationException("No back-office user on an authorized request.");

    protected BackOfficeUser WorkflowUser => Editor.ToWorkflowUser();

    /// <summary>The editor's chosen language; before sign-in, the browser's (Chinese unless it prefers English).</summary>
    protected BackOfficeText Text => BackOfficeText.For(CurrentUser?.UiCulture ?? PreferredCulture(Request));

    protected BackOfficePageModel Page(string title, string section, string? notice = null, IReadOnlyList<FormError>? errors = null) =>
        new(Text, CurrentUser, title, section) { Notice = notice, Errors = errors ?? [] };

    protected BackOfficePageModel<TData> PageOf<TData>(string title, string section, TData data, string? notice = null, IReadOnlyList<FormError>? errors = null) =>
        new(Text, CurrentUser, title, section, data) { Notice = notice, Errors = errors ?? [] };

    protected ViewResult Show(string view, object model, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        return View(ViewRoot + view + ".cshtml", model);
    }

    /// <summary>A form sent back with messages: what was typed stays, with a 400 status.</summary>
    protected ViewResult Invalid(string view, object model) => Show(view, model, StatusCodes.Status400BadRequest);

    protected ViewResult Refused(string? message = null) =>
        Show("Message", Page(Text.Forbidden, "", message ?? Text.Forbidden), StatusCodes.Status403Forbidden);

    protected ViewResult Missing() => Show("Message", Page(Text.NotFound, "", Text.NotFound), StatusCodes.Status404NotFound);

    public override void OnActionExecuted(Microsoft.AspNetCore.Mvc.Filters.ActionExecutedContext context)
    {
        // Drafts and personal data: never stored by a browser or proxy cache.
        Response.Headers.CacheControl = "no-cache, no-store";
        base.OnActionExecuted(context);
    }

    internal static string PreferredCulture(HttpRequest request)
    {
        // ?lang=, else the browser's languages (quality order, en-GB counts as en-US), among the back office's own.
        var cultures = request.HttpContext.RequestServices.GetRequiredService<IBackOfficeCultures>();
        if (request.Query.TryGetValue("lang", out var lang) && cultures.Contains(lang.ToString()))
        {
            return cultures.Resolve(lang.ToString());
        }

        return AcceptLanguage.Best(request, tag => AcceptLanguage.Match(tag, cultures.All)) ?? cultures.DefaultCulture;
    }
}
