using Microsoft.AspNetCore.Http.HttpResults;
using Site.Features.Delivery.Querying;

namespace Site.Features.Delivery;

/// <summary>Every error of the API is a ProblemDetails (RFC 9457) that says what was wrong; bad requests name the part.</summary>
internal static class DeliveryProblems
{
    public static ProblemHttpResult BadRequest(string parameter, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "Bad Request",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult BadRequest(DeliveryError error) => BadRequest(error.Parameter, error.Detail);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found", type: "https://tools.ietf.org/html/rfc9110#section-15.5.5");

    /// <summary>Umbraco answers an unknown Start-Item with 404 and this sentence; here it is the title, and the detail says why.</summary>
    public static ProblemHttpResult StartItemNotFound(string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status404NotFound,
            title: "The Start-Item could not be found",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            extensions: new Dictionary<string, object?> { ["parameter"] = "Start-Item" });

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", type: "https://tools.ietf.org/html/rfc9110#section-15.5.2");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: "https://tools.ietf.org/html/rfc9110#section-15.5.4");
}
