namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string BackOfficeUsers => T("Back-office accounts");
    public string CreateUser => T("Create an account");
    public string EditUser => T("Edit account");
    public string NotATranslator => T("Not a translator");
    public string TranslatorCultureHint => T("Only used for translators: the one language they may edit.");
    public string UserCreated => T("The account was created.");
    public string UserSaved => T("The account was saved.");
    public string UserLocked => T("The account was locked: its sessions have ended.");
    public string UserUnlocked => T("The account was unlocked.");
    public string LockUser => T("Lock the account");
    public string UnlockUser => T("Unlock the account");
    public string UserLockedState => T("Locked: this account cannot sign in.");
    public string UserActiveState => T("Active.");
    public string NoUsers => T("No accounts.");
    public string ApiUserOption => T("API user (for a script: no password)");
    public string ApiUserHint => T("An API user cannot sign in to the back office; it gets tokens only with client credentials, added on its page after it is created. Leave the password empty.");
    public string ApiUserState => T("API user: signs in only with client credentials.");
    public string ApiAccess => T("API access (client credentials)");
    public string ApiAccessHint => T("A script or integration gets a bearer token with the account's rights from POST /umbraco/management/api/v1/security/back-office/token (grant_type=client_credentials, client_id, client_secret), as with Umbraco's API users.");
    public string ClientId => T("Client id");
    public string ClientIdHint => T("Starts with umbraco-back-office-, e.g. umbraco-back-office-news-import.");
    public string AddClient => T("Add client credentials");
    public string RemoveClient => T("Remove");
    public string NoClients => T("No client credentials.");
    public string ClientRemoved => T("The client credentials were removed: tokens issued to this account have ended.");
    public string ClientSecretOnce(string clientId) => Formatted(T("Client credentials added for {0}. Copy the secret now: it is stored only as a hash and is not shown again."), clientId);
    public string ClientSecret => T("Client secret");
    public string TokenFormRequired => T("Send the request as application/x-www-form-urlencoded.");
    public string TokenGrantType => T("Only grant_type=client_credentials is supported here.");
    public string ClientRefused => T("The client id or secret is not right, or the account is locked for a while after too many failed attempts.");
}
