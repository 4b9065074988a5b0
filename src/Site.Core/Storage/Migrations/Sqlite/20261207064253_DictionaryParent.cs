using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Site.Core.Storage.Migrations.Sqlite
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
                type: "TEXT",
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
