using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Site.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DictionaryParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ParentKey",
                table: "dictionary_items",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ParentKey",
                table: "dictionary_items");
        }
    }
}
