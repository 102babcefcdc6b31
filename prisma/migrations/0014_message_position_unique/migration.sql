-- Issue 16: one message per (conversation, position), so two turns written at once for one conversation cannot
-- both land, whichever process writes them (lib/chat/turn.ts answers the loser 409 conversation_busy).
-- DropIndex
DROP INDEX "Message_conversationId_position_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Message_conversationId_position_key" ON "Message"("conversationId", "position");

