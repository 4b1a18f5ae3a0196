-- The web application's tables as Laravel's pgsql grammar creates them
-- (written by hand from the contract), with extra columns a real
-- installation has. Used by the tests that run beside a Laravel database.
create table "migrations" ("id" serial not null primary key, "migration" varchar(255) not null, "batch" integer not null);
insert into "migrations" ("migration", "batch") values ('2014_10_12_000000_create_users_table', 1), ('2025_10_21_131415_create_retell_agent_prompts_table', 2);
create table "users" ("id" bigserial not null primary key, "name" varchar(255) not null, "email" varchar(255) not null, "email_verified_at" timestamp(0) without time zone null, "password" varchar(255) not null, "remember_token" varchar(100) null, "created_at" timestamp(0) without time zone null, "updated_at" timestamp(0) without time zone null, "phone" varchar(32) null);
alter table "users" add constraint "users_email_unique" unique ("email");
create table "companies" ("id" bigserial not null primary key, "name" varchar(255) not null, "slug" varchar(255) null, "created_at" timestamp(0) without time zone null, "updated_at" timestamp(0) without time zone null, "deleted_at" timestamp(0) without time zone null);
create table "branches" ("id" uuid not null, "company_id" bigint not null, "name" varchar(255) not null, "phone_number" varchar(32) null, "created_at" timestamp(0) without time zone null, "updated_at" timestamp(0) without time zone null, "deleted_at" timestamp(0) without time zone null);
alter table "branches" add primary key ("id");
alter table "branches" add constraint "branches_company_id_foreign" foreign key ("company_id") references "companies" ("id") on delete cascade;
create table "retell_agent_prompts" ("id" bigserial not null primary key, "branch_id" uuid not null, "version" integer not null default '1', "prompt_content" text not null, "functions_config" json not null, "is_active" boolean not null default '0', "is_template" boolean not null default '0', "template_name" varchar(255) null, "deployed_at" timestamp(0) without time zone null, "deployed_by" bigint null, "retell_agent_id" varchar(255) null, "retell_version" integer null, "validation_status" varchar(255) check ("validation_status" in ('pending', 'valid', 'invalid')) not null default 'pending', "validation_errors" json null, "deployment_notes" text null, "created_at" timestamp(0) without time zone null, "updated_at" timestamp(0) without time zone null);
alter table "retell_agent_prompts" add constraint "retell_agent_prompts_branch_id_foreign" foreign key ("branch_id") references "branches" ("id") on delete cascade;
alter table "retell_agent_prompts" add constraint "retell_agent_prompts_deployed_by_foreign" foreign key ("deployed_by") references "users" ("id") on delete set null;
alter table "retell_agent_prompts" add constraint "retell_agent_prompts_branch_id_version_unique" unique ("branch_id", "version");
create index "retell_agent_prompts_branch_id_is_active_index" on "retell_agent_prompts" ("branch_id", "is_active");
create index "retell_agent_prompts_branch_id_version_index" on "retell_agent_prompts" ("branch_id", "version");
