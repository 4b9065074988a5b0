using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Site.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataTypeEditorUi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EditorUiAlias",
                table: "data_types",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EditorUiAlias",
                table: "data_types");
        }
    }
}
