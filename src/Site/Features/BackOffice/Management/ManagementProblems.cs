using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Users;
using Site.Core.Workflow;

namespace Site.Features.BackOffice.Management;

/// <summary>Every refusal of the management API as ProblemDetails, worded in the caller's back-office language.</summary>
internal static class ManagementProblems
{
    public static string CultureOf(HttpContext context) =>
        context.CurrentUser()?.UiCulture ?? BackOfficeControllerBase.PreferredCulture(context.Request);

    public static IResult Problem(HttpContext context, int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    public static IResult Forbidden(HttpContext context) =>
        Problem(context, StatusCodes.Status403Forbidden, "Forbidden", BackOfficeText.For(CultureOf(context)).Forbidden);

    public static IResult NotFound(HttpContext context) =>
        Problem(context, StatusCodes.Status404NotFound, "Not found", BackOfficeText.For(CultureOf(context)).NotFound);

    public static IResult BadRequest(HttpContext context, string detail) =>
        Problem(context, StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult From(HttpContext context, WorkflowResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Status switch
        {
            WorkflowStatus.Forbidden => StatusCodes.Status403Forbidden,
            WorkflowStatus.NotFound => StatusCodes.Status404NotFound,
            WorkflowStatus.AlreadyInReview or WorkflowStatus.NoPendingReview or WorkflowStatus.ChangedSinceReview => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var culture = CultureOf(context);
        var errors = result.Publish?.Errors is { Count: > 0 } publishErrors ? Errors(publishErrors, culture) : null;
        return Problem(context, status, result.Status.ToString(), result.Message?.Get(culture), errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });
    }

    public static IResult From(HttpContext context, SaveResult result, ContentSchema schema)
    {
        ArgumentNullException.ThrowIfNull(result);
        var culture = CultureOf(context);
        var status = result.Status switch
        {
            SaveStatus.NotFound => StatusCodes.Status404NotFound,
            SaveStatus.Conflict => StatusCodes.Status409Conflict,
            SaveStatus.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var extensions = new Dictionary<string, object?> { ["errors"] = Errors(result.Errors, culture) };
        if (result.Status == SaveStatus.Conflict && result.Node is { } current)
        {
            // Both sides of a conflict: the caller has their own; this is the one saved in between.
            extensions["current"] = DocumentModel.From(current, schema);
        }

        return Problem(context, status, result.Status.ToString(), (result.Errors.Count > 0 ? result.Errors[0].Message.Get(culture) : null), extensions);
    }

    public static IResult From(HttpContext context, TreeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return From(context, new WorkflowResult(result.Status, result.Message));
    }

    public static IResult From(HttpContext context, MediaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Status switch
        {
            MediaStatus.NotFound => StatusCodes.Status404NotFound,
            MediaStatus.Forbidden => StatusCodes.Status403Forbidden,
            MediaStatus.TooLarge or MediaStatus.TooManyPixels => StatusCodes.Status413PayloadTooLarge,
            MediaStatus.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status400BadRequest,
        };
        return Problem(context, status, result.Status.ToString(), result.Message?.Get(CultureOf(context)));
    }

    public static IResult From(HttpContext context, UserResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = BackOfficeText.For(CultureOf(context));
        var status = result.Errors.Contains(UserErrors.NotFound) ? StatusCodes.Status404NotFound
            : result.Errors.Any(e => e is "DuplicateEmail" or "DuplicateUserName" or UserErrors.LastAdministrator) ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;
        return Problem(context, status, "User", string.Join(" ", result.Errors.Select(text.UserError)),
            new Dictionary<string, object?> { ["errors"] = result.Errors });
    }

    private static List<object> Errors(IEnumerable<ContentError> errors, string culture) =>
        [.. errors.Select(e => new { alias = e.Alias, culture = e.Culture, message = e.Message.Get(culture) })];
}
