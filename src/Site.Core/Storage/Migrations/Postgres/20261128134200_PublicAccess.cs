using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Site.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "public_access",
                columns: table => new
                {
                    NodeKey = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupsJson = table.Column<string>(type: "text", nullable: false),
                    LoginNodeKey = table.Column<Guid>(type: "uuid", nullable: true),
                    NoAccessNodeKey = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_access", x => x.NodeKey);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_access");
        }
    }
}
