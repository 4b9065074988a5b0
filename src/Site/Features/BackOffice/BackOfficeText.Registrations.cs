using Site.Core.Members;

namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string Registrations => T("Registrations to attend");
    public string Session => T("Session");
    public string AnySession => T("All sessions");
    public string RegisteredAt => T("Registered on");
    public string NoRegistrations => T("No registrations match.");
    public string ExportCsv => T("Export as CSV (Excel)");
    public string CancelRegistration => T("Cancel this registration");
    public string RegistrationCancelledByEditor => T("The registration was cancelled; the member was told by email, as was anyone moved up from the waiting list.");
    public string FillFreePlaces => T("Give the free places to those waiting");
    public string FreePlacesFilled => T("The free places went to the first on the waiting list, who were told by email.");
    public string RegistrationAlreadyCancelled => T("This registration is already cancelled.");

    public string RegistrationCounts(int confirmed, int waitListed) => Formatted(T("{0} places taken, {1} on the waiting list"), confirmed, waitListed);

    public string RegistrationStatusName(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => T("Place confirmed"),
        RegistrationStatus.WaitListed => T("On the waiting list"),
        RegistrationStatus.Cancelled => T("Cancelled"),
        _ => status.ToString(),
    };
}
