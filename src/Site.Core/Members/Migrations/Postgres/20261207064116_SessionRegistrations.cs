using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Site.Core.Members.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegisteredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_member_registrations_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_member_registrations_MemberId",
                table: "member_registrations",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_member_registrations_SessionKey_MemberId",
                table: "member_registrations",
                columns: new[] { "SessionKey", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_member_registrations_SessionKey_Status_RegisteredUtc",
                table: "member_registrations",
                columns: new[] { "SessionKey", "Status", "RegisteredUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_registrations");
        }
    }
}
