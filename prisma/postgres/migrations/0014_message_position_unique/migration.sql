-- The PostgreSQL twin of prisma/migrations/0014_message_position_unique (npm run db:pg-twin; review before committing).
-- DropIndex
DROP INDEX "Message_conversationId_position_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Message_conversationId_position_key" ON "Message"("conversationId", "position");

