using Microsoft.AspNetCore.Http.HttpResults;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Members;
using Site.Core.Users;
using Site.Core.Workflow;

namespace Site.Features.BackOffice.Management;

/// <summary>
/// Every refusal of the management API as ProblemDetails, worded in the caller's back-office language, and the
/// statuses each kind of result can answer, which the endpoints declare for the OpenAPI document.
/// </summary>
internal static class ManagementProblems
{
    /// <summary>What <see cref="From(HttpContext, WorkflowResult)"/> (and so a tree result) can answer.</summary>
    public static readonly int[] WorkflowStatuses =
        [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

    /// <summary>What saving a document can answer: the editing service's refusal or the save's own.</summary>
    public static readonly int[] SaveStatuses =
        [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

    public static readonly int[] UserStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

    public static readonly int[] MemberStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound];

    public static string CultureOf(HttpContext context) =>
        context.CurrentUser()?.UiCulture ?? BackOfficeControllerBase.PreferredCulture(context.Request);

    public static ProblemHttpResult Problem(HttpContext context, int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    public static ProblemHttpResult Forbidden(HttpContext context) =>
        Problem(context, StatusCodes.Status403Forbidden, "Forbidden", BackOfficeText.For(CultureOf(context)).Forbidden);

    public static ProblemHttpResult NotFound(HttpContext context) =>
        Problem(context, StatusCodes.Status404NotFound, "Not found", BackOfficeText.For(CultureOf(context)).NotFound);

    public static ProblemHttpResult BadRequest(HttpContext context, string detail) =>
        Problem(context, StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult From(HttpContext context, WorkflowResult result)
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

    public static ProblemHttpResult From(HttpContext context, SaveResult result, ContentSchema schema)
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

    public static ProblemHttpResult From(HttpContext context, TreeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return From(context, new WorkflowResult(result.Status, result.Message));
    }

    public static ProblemHttpResult From(HttpContext context, MediaResult result)
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

    public static ProblemHttpResult From(HttpContext context, UserResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = BackOfficeText.For(CultureOf(context));
        var status = result.Errors.Contains(UserErrors.NotFound) ? StatusCodes.Status404NotFound
            : result.Errors.Any(e => e is "DuplicateEmail" or "DuplicateUserName" or UserErrors.LastAdministrator) ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;
        return Problem(context, status, "User", string.Join(" ", result.Errors.Select(text.UserError)),
            new Dictionary<string, object?> { ["errors"] = result.Errors });
    }

    public static ProblemHttpResult From(HttpContext context, MemberResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Errors.Contains(MemberErrors.NotFound) ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return Problem(context, status, "Member", string.Join(", ", result.Errors));
    }

    /// <summary>Declares a ProblemDetails response for each status (the endpoint's handler decides which it answers).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    private static List<object> Errors(IEnumerable<ContentError> errors, string culture) =>
        [.. errors.Select(e => new { alias = e.Alias, culture = e.Culture, message = e.Message.Get(culture) })];
}
